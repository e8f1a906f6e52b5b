// 表单: every part of the policy in its own tab, in the users' words. Each control writes one path
// of the shared draft; what the form does not show is left as it was.
import type { ReactNode } from 'react';
import { Alert, Badge, Tabs } from 'antd';
import { shapeProblems } from './draft.ts';
import type { SectionProps } from './fields.tsx';
import { SECTIONS, type SectionKey } from './labels.ts';
import { BasicSection } from './sections/BasicSection.tsx';
import { CategoriesSection } from './sections/CategoriesSection.tsx';
import { ClaimTypesSection } from './sections/ClaimTypesSection.tsx';
import { CyclesSection } from './sections/CyclesSection.tsx';
import { GroupsSection } from './sections/GroupsSection.tsx';
import { LevelsSection } from './sections/LevelsSection.tsx';
import { NotAssessedSection } from './sections/NotAssessedSection.tsx';
import { RequirementsSection } from './sections/RequirementsSection.tsx';
import { RulesSection } from './sections/RulesSection.tsx';

const BODIES: Record<SectionKey, (p: SectionProps) => ReactNode> = {
  basic: BasicSection,
  cycles: CyclesSection,
  categories: CategoriesSection,
  requirements: RequirementsSection,
  groups: GroupsSection,
  levelMinimums: LevelsSection,
  notAssessed: NotAssessedSection,
  claimTypes: ClaimTypesSection,
  rulesText: RulesSection,
};

interface Props extends SectionProps {
  tab: SectionKey;
  onTab: (tab: SectionKey) => void;
  /** sections the last 校验 found problems in */
  flagged: ReadonlySet<SectionKey>;
}

export function PolicyForm({ doc, set, tab, onTab, flagged }: Props) {
  const bad = shapeProblems(doc);
  const items = (Object.keys(SECTIONS) as SectionKey[]).map((key) => {
    const Body = BODIES[key];
    return {
      key,
      label: (
        <span data-testid={`policy-tab-${key}`}>
          {flagged.has(key) ? <Badge status="error" style={{ marginInlineEnd: 6 }} /> : null}
          {SECTIONS[key]}
        </span>
      ),
      children: <Body doc={doc} set={set} />,
    };
  });
  return (
    <>
      {bad.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`JSON 中 ${bad.join('、')} 的格式不对，表单无法显示其内容；请在「JSON（专家）」中修改，或在表单中重新填写（会覆盖原内容）。`}
        />
      )}
      <Tabs activeKey={tab} onChange={(k) => onTab(k as SectionKey)} items={items} tabBarGutter={20} data-testid="policy-form" />
    </>
  );
}
