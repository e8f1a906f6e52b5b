import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setNavigator, setOnAuthEvent } from './api/client.ts';
import { ME_KEY } from './api/session.ts';
import { PageLoading, RequireUser, RootRedirect } from './components/guards.tsx';
import { TwoFactorGate } from './pages/space/TwoFactorGate.tsx';

const Login = lazy(() => import('./pages/public/Login.tsx'));
const Register = lazy(() => import('./pages/public/Register.tsx'));
const Forgot = lazy(() => import('./pages/public/Forgot.tsx'));
const ChangePassword = lazy(() => import('./pages/public/ChangePassword.tsx'));
const Verify = lazy(() => import('./pages/public/Verify.tsx'));
const TwoFactorSetup = lazy(() => import('./pages/public/TwoFactorSetup.tsx'));

const SpaceLayout = lazy(() => import('./layouts/SpaceLayout.tsx'));
const Dashboard = lazy(() => import('./pages/space/Dashboard.tsx'));
const ProfilePage = lazy(() => import('./pages/space/ProfilePage.tsx'));
const AccountPage = lazy(() => import('./pages/space/AccountPage.tsx'));
const Building = lazy(() => import('./pages/space/Building.tsx'));
const MyCreditsPage = lazy(() => import('./pages/space/credits/MyCreditsPage.tsx'));
const CreditClaimsPage = lazy(() => import('./pages/space/credit-claims/CreditClaimsPage.tsx'));
const CertificatesPage = lazy(() => import('./pages/space/certificates/CertificatesPage.tsx'));
const CreditBankPage = lazy(() => import('./pages/space/credit-bank/CreditBankPage.tsx'));
const ProjectDetailPage = lazy(() => import('./pages/space/project-detail/ProjectDetailPage.tsx'));
const CheckinPage = lazy(() => import('./pages/space/project-detail/CheckinPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/space/projects/ProjectsPage.tsx'));
const MyElectivesPage = lazy(() => import('./pages/space/electives/MyElectivesPage.tsx'));
const ElectiveCataloguePage = lazy(() => import('./pages/space/electives/CataloguePage.tsx'));
const OrdersPage = lazy(() => import('./pages/space/orders/OrdersPage.tsx'));
const SandboxPay = lazy(() => import('./pages/public/SandboxPay.tsx'));
const AdminElectivesPage = lazy(() => import('./pages/admin/electives/ElectivesPage.tsx'));

const AdminLayout = lazy(() => import('./layouts/AdminLayout.tsx'));
const AdminIndex = lazy(() => import('./pages/admin/AdminIndex.tsx'));
const Teachers = lazy(() => import('./pages/admin/Teachers.tsx'));
const TeacherDetail = lazy(() => import('./pages/admin/TeacherDetail.tsx'));
const Registrations = lazy(() => import('./pages/admin/Registrations.tsx'));
const ProfileChanges = lazy(() => import('./pages/admin/ProfileChanges.tsx'));
const Outbox = lazy(() => import('./pages/admin/Outbox.tsx'));
const AdminAccounts = lazy(() => import('./pages/admin/AdminAccounts.tsx'));
const Security = lazy(() => import('./pages/admin/Security.tsx'));
const Audit = lazy(() => import('./pages/admin/Audit.tsx'));
const InstitutionHome = lazy(() => import('./pages/admin/InstitutionHome.tsx'));
const ClassesPage = lazy(() => import('./pages/admin/classes/ClassesPage.tsx'));
const ProjectList = lazy(() => import('./pages/admin/projects/ProjectList.tsx'));
const ProjectForm = lazy(() => import('./pages/admin/projects/ProjectForm.tsx'));
const AdminProjectDetail = lazy(() => import('./pages/admin/projects/ProjectDetail.tsx'));
const ProjectReviews = lazy(() => import('./pages/admin/projects/ReviewQueue.tsx'));
const ClassDetailPage = lazy(() => import('./pages/admin/classes/ClassDetailPage.tsx'));
const SchoolBasedPage = lazy(() => import('./pages/admin/credits/SchoolBasedPage.tsx'));
const CreditClaimReview = lazy(() => import('./pages/admin/credit-claims/CreditClaimReview.tsx'));
const CreditReportsPage = lazy(() => import('./pages/admin/credit-reports/CreditReportsPage.tsx'));
const CreditPoliciesPage = lazy(() => import('./pages/admin/credit-policies/CreditPoliciesPage.tsx'));
const WorkbenchPage = lazy(() => import('./pages/admin/workbench/WorkbenchPage.tsx'));

/** Lets the API client redirect inside the single-page app and forget the user when the session is gone. */
function NavigatorBridge() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setNavigator((to) => navigate(to, { replace: true }));
    setOnAuthEvent((e) => {
      if (e === 'session-lost') qc.setQueryData(ME_KEY, null);
      else void qc.invalidateQueries({ queryKey: ME_KEY });
    });
  }, [navigate, qc]);
  return null;
}

const S = ({ children }: { children: ReactNode }) => <Suspense fallback={<PageLoading />}>{children}</Suspense>;

export function AppRoutes() {
  return (
    <>
      <NavigatorBridge />
      <S>
        <Routes>
          <Route path="/" element={<RootRedirect />} />
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/forgot" element={<Forgot />} />
          <Route path="/change-password" element={<ChangePassword />} />
          <Route path="/two-factor/setup" element={<TwoFactorSetup />} />
          <Route path="/verify" element={<Verify />} />
          <Route path="/verify/:code" element={<Verify />} />
          <Route path="/pay/sandbox" element={<SandboxPay />} />

          <Route path="/space/checkin" element={<CheckinPage />} />
          <Route
            path="/space"
            element={
              <RequireUser area="space">
                <TwoFactorGate>
                  <SpaceLayout />
                </TwoFactorGate>
              </RequireUser>
            }
          >
            <Route index element={<Navigate to="home" replace />} />
            <Route path="home" element={<Dashboard />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="certificates" element={<CertificatesPage />} />
            <Route path="credit-bank" element={<CreditBankPage />} />
            <Route path="credits/claims" element={<CreditClaimsPage />} />
            <Route path="credits" element={<MyCreditsPage />} />
            <Route path="projects" element={<ProjectsPage />} />
            <Route path="projects/:enrollmentId" element={<ProjectDetailPage />} />
            <Route path="electives" element={<MyElectivesPage />} />
            <Route path="electives/catalogue" element={<ElectiveCataloguePage />} />
            <Route path="orders" element={<OrdersPage />} />
            <Route path=":module" element={<Building />} />
          </Route>

          <Route
            path="/admin"
            element={
              <RequireUser area="admin">
                <TwoFactorGate>
                  <AdminLayout />
                </TwoFactorGate>
              </RequireUser>
            }
          >
            <Route index element={<AdminIndex />} />
            <Route path="workbench" element={<WorkbenchPage />} />
            <Route path="teachers" element={<Teachers />} />
            <Route path="teachers/:id" element={<TeacherDetail />} />
            <Route path="registrations" element={<Registrations />} />
            <Route path="school-based" element={<SchoolBasedPage />} />
            <Route path="profile-changes" element={<ProfileChanges />} />
            <Route path="credit-claims" element={<CreditClaimReview />} />
            <Route path="credit-reports" element={<CreditReportsPage />} />
            <Route path="credit-policies" element={<CreditPoliciesPage />} />
            <Route path="outbox" element={<Outbox />} />
            <Route path="admin-accounts" element={<AdminAccounts />} />
            <Route path="security" element={<Security />} />
            <Route path="audit" element={<Audit />} />
            <Route path="home" element={<InstitutionHome />} />
            <Route path="classes" element={<ClassesPage />} />
            <Route path="projects" element={<ProjectList />} />
            <Route path="projects/new" element={<ProjectForm />} />
            <Route path="projects/:id" element={<AdminProjectDetail />} />
            <Route path="projects/:id/edit" element={<ProjectForm />} />
            <Route path="project-reviews" element={<ProjectReviews />} />
            <Route path="electives" element={<AdminElectivesPage />} />
            <Route path="classes/:id" element={<ClassDetailPage />} />
            <Route path="account" element={<AccountPage />} />
          </Route>

          <Route path="*" element={<RootRedirect />} />
        </Routes>
      </S>
    </>
  );
}
