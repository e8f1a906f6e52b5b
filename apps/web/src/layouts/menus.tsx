import type { ReactNode } from 'react';
import { rolesMay, type Permission, type Role } from '@shixun/domain';
import {
  AccountBookOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  HeartOutlined,
  IdcardOutlined,
  LockOutlined,
  MailOutlined,
  ProjectOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UserAddOutlined,
  VideoCameraOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { FileDoneOutlined } from '@ant-design/icons';
import { BarChartOutlined, ControlOutlined } from '@ant-design/icons';
import { BankOutlined } from '@ant-design/icons';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** shown after the label (e.g. a count of what waits in a queue: `<Badge count={n} />`) */
  badge?: ReactNode;
  /** a module not built yet (its «建设中» page, MODULE_PLANS): grouped under one «更多» entry of the menu */
  building?: boolean;
}

/** The teacher's personal space: the full menu of the seed platforms. */
export const SPACE_MENU: MenuEntry[] = [
  { path: 'home', label: '我的主页', icon: <DashboardOutlined /> },
  { path: 'profile', label: '基本信息', icon: <IdcardOutlined /> },
  { path: 'projects', label: '我的专项培训', icon: <ProjectOutlined /> },
  { path: 'electives', label: '我的自主选学', icon: <BookOutlined /> },
  { path: 'credits', label: '我的学分', icon: <AccountBookOutlined /> },
  { path: 'certificates', label: '我的证书', icon: <SafetyCertificateOutlined /> },
  { path: 'credit-bank', label: '学分银行', icon: <BankOutlined /> },
  { path: 'orders', label: '我的订单', icon: <ShoppingCartOutlined /> },
  { path: 'awards', label: '我的评优表彰', icon: <TrophyOutlined />, building: true },
  { path: 'research', label: '我的科研计划', icon: <ExperimentOutlined />, building: true },
  { path: 'appraisal', label: '我的年度考核', icon: <CalendarOutlined />, building: true },
  { path: 'growth', label: '成长轨迹', icon: <RiseOutlined />, building: true },
  { path: 'ethics', label: '师德', icon: <HeartOutlined />, building: true },
  { path: 'studios', label: '名师工作室', icon: <StarOutlined />, building: true },
  { path: 'reading', label: '读书推荐', icon: <ReadOutlined />, building: true },
  { path: 'live', label: '直播中心', icon: <VideoCameraOutlined />, building: true },
  { path: 'account', label: '我的账户', icon: <SettingOutlined /> },
];

/** What each module not built yet will hold, said plainly on its «建设中» page. */
export const MODULE_PLANS: Record<string, string> = {
  projects: '国培、省培、全员培训等专项培训项目（进行中 · 未开始 · 已结束 · 审核中 · 未通过），以及遴选、审核、分配至承培机构的流程。',
  electives: '自主选学课程的报名与学习（学习中 · 已通过 · 未通过）。',
  credits: '按培训周期统计的学分（学分类型 × 年度），以及学分认定和管理办法。',
  certificates: '学分证书与结业证书（自主选学 / 专项培训），可在线验证。',
  awards: '评优表彰的推荐、评审与结果。',
  research: '科研计划（课题）的申报、立项与结题。',
  appraisal: '学校录入的年度考核结果。',
  growth: '荣誉（年度、等级、称号）与教学成果的记录。',
  ethics: '区县管理员上传的师德考核记录。',
  studios: '我的工作室、我的关注，以及工作室的教研活动。',
  reading: '名师阅读推荐文章。',
  live: '直播课程列表。',
};

interface AdminEntry extends MenuEntry {
  /** the server's permission behind the page (packages/domain/src/grants.ts): the entry shows exactly when the server answers */
  permission: Permission;
}

export const ADMIN_MENU: AdminEntry[] = [
  { path: 'workbench', label: '工作台', icon: <DashboardOutlined />, permission: 'teacher.read' },
  { path: 'teachers', label: '教师管理', icon: <TeamOutlined />, permission: 'teacher.read' },
  { path: 'registrations', label: '注册审核', icon: <UserAddOutlined />, permission: 'registration.review' },
  { path: 'school-based', label: '校本研修认定', icon: <ReadOutlined />, permission: 'credit.schoolBased' },
  { path: 'profile-changes', label: '信息变更审核', icon: <SolutionOutlined />, permission: 'profileChange.review' },
  { path: 'projects', label: '培训项目', icon: <ProjectOutlined />, permission: 'project.plan' },
  { path: 'project-reviews', label: '项目审核', icon: <FileDoneOutlined />, permission: 'project.review' },
  // 自主选学: institutions offer courses and record learners; the organising level approves them into the catalogue
  { path: 'electives', label: '自主选学', icon: <BookOutlined />, permission: 'elective.offer' },
  { path: 'credit-claims', label: '学分申报审核', icon: <FileDoneOutlined />, permission: 'credit.claimReview' },
  { path: 'credit-reports', label: '学分达标统计', icon: <BarChartOutlined />, permission: 'credit.report' },
  { path: 'credit-policies', label: '学分政策', icon: <ControlOutlined />, permission: 'credit.policy' },
  { path: 'classes', label: '我的班级', icon: <TeamOutlined />, permission: 'class.manage' },
  // 三员分立: each level creates the level below it; the security admin proposes and the audit admin approves
  // changes to platform accounts; the system admin only reads the directory
  { path: 'admin-accounts', label: '管理员账号', icon: <UserOutlined />, permission: 'adminAccount.read' },
  { path: 'outbox', label: '通知发件箱', icon: <MailOutlined />, permission: 'outbox.read' },
  { path: 'security', label: '账户安全', icon: <LockOutlined />, permission: 'security.manage' },
  { path: 'audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: 'account', label: '我的账户', icon: <FileProtectOutlined />, permission: 'session' },
];

export function adminMenuFor(roles: Role[]): MenuEntry[] {
  return ADMIN_MENU.filter((m) => rolesMay(roles, m.permission));
}
