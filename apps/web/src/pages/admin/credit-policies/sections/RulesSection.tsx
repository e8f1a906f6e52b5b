// 规则说明: the rules as teachers read them at the top of 我的学分.
import { Input } from 'antd';
import { asText } from '../draft.ts';
import { Hint, type SectionProps } from '../fields.tsx';

export function RulesSection({ doc, set }: SectionProps) {
  return (
    <>
      <Hint>显示在教师「我的学分」页面顶部。段落之间空一行。</Hint>
      <Input.TextArea
        aria-label="规则说明"
        value={asText(doc.rulesText)}
        autoSize={{ minRows: 8, maxRows: 24 }}
        onChange={(e) => set(['rulesText'], e.target.value)}
      />
    </>
  );
}
