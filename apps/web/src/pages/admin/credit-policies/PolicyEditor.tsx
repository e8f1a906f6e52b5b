// 编辑政策: the draft in the form (default) or as JSON for experts, then 校验 → 预览影响 → 发布新版本.
import { Alert, Button, Card, Input, Popconfirm, Segmented, Space, Spin, Typography } from 'antd';
import { CheckResult, flaggedSections } from './CheckResult.tsx';
import type { SectionKey } from './labels.ts';
import { PolicyForm } from './PolicyForm.tsx';
import type { PreviewResult, ValidateResult } from './types.ts';
import type { Draft, View } from './useDraft.ts';
import { MONO } from './VersionCards.tsx';

export type Run = 'check' | 'preview' | 'publish';

interface Props {
  draft: Draft;
  tab: SectionKey;
  onTab: (tab: SectionKey) => void;
  check: ValidateResult | null;
  preview: PreviewResult | null;
  busy: string | null;
  nextVersion: number;
  onRun: (kind: Run) => void;
  onRestore: () => void;
}

const VIEWS = [
  { value: 'form', label: '表单' },
  { value: 'json', label: 'JSON（专家）' },
];

export function PolicyEditor({ draft, tab, onTab, check, preview, busy, nextVersion, onRun, onRestore }: Props) {
  const openSection = (s: SectionKey) => {
    if (draft.switchTo('form')) onTab(s);
  };
  return (
    <Card
      title="编辑政策"
      size="small"
      extra={
        <Button size="small" onClick={onRestore}>
          恢复为当前版本
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        在当前版本的基础上修改，先「校验」，再「预览影响」查看达标人数的变化，确认后「发布新版本」。发布不会改动已有的学分记录和旧版本；版本号由系统分配。
      </Typography.Paragraph>
      <Segmented
        aria-label="编辑方式"
        options={VIEWS}
        value={draft.view}
        onChange={(v) => draft.switchTo(v as View)}
        style={{ marginBottom: 12 }}
      />
      {draft.switchError && (
        <Alert type="error" showIcon title={draft.switchError} style={{ marginBottom: 12 }} data-testid="policy-json-error" />
      )}
      {draft.view === 'form' ? (
        draft.doc ? (
          <PolicyForm doc={draft.doc} set={draft.set} tab={tab} onTab={onTab} flagged={flaggedSections(check, draft.doc)} />
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            直接编辑政策文档，字段与「表单」各项一一对应（表单不显示的 id、version、validity 也在这里）。切换回「表单」时会检查 JSON 格式。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="学分政策 JSON"
            value={draft.text}
            onChange={(e) => draft.setText(e.target.value)}
            spellCheck={false}
            autoSize={{ minRows: 18, maxRows: 34 }}
            style={MONO}
          />
        </>
      )}
      <Space style={{ marginTop: 12, marginBottom: 12 }} wrap>
        <Button onClick={() => onRun('check')} loading={busy === 'check'}>
          校验
        </Button>
        <Button onClick={() => onRun('preview')} loading={busy === 'preview'}>
          预览影响
        </Button>
        <Popconfirm
          title={`发布为第 ${nextVersion} 版？`}
          description="发布后立即生效，并按新政策重新计算全部教师的学分状态；已有的学分记录和旧版本不会改变。"
          okText="发布"
          cancelText="取消"
          onConfirm={() => onRun('publish')}
        >
          <Button type="primary" loading={busy === 'publish'}>
            发布新版本
          </Button>
        </Popconfirm>
      </Space>
      <CheckResult check={check} preview={preview} doc={draft.doc} onOpen={openSection} />
    </Card>
  );
}
