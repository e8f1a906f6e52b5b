// The result of 校验 / 预览影响: the server's Chinese errors (a path named in the form's words, with a
// link to the tab to fix it in), or that the draft can be published, then the preview of effects.
import { Alert, Typography } from 'antd';
import type { Doc } from './draft.ts';
import { readableError, SECTIONS, type SectionKey } from './labels.ts';
import { PreviewTable } from './PreviewTable.tsx';
import type { PreviewResult, ValidateResult } from './types.ts';

interface Props {
  check: ValidateResult | null;
  preview: PreviewResult | null;
  doc: Doc | null;
  /** opens a form tab; absent in the JSON view */
  onOpen?: (section: SectionKey) => void;
}

export function CheckResult({ check, preview, doc, onOpen }: Props) {
  if (!check && !preview) return <Alert type="info" showIcon title="校验和预览的结果显示在这里" />;
  return (
    <div data-testid="policy-check-result">
      {check &&
        (check.valid ? (
          <Alert type="success" showIcon title="校验通过：草稿可以发布" />
        ) : (
          <Alert
            type="error"
            showIcon
            title={`草稿有 ${check.errors.length} 处问题，修改后再试`}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="policy-errors">
                {check.errors.map((e) => {
                  const r = readableError(e, doc);
                  const section = r.section;
                  return (
                    <li key={e}>
                      {r.text}
                      {section && onOpen && (
                        <>
                          {' '}
                          <Typography.Link onClick={() => onOpen(section)}>去「{SECTIONS[section]}」修改</Typography.Link>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            }
          />
        ))}
      {preview?.valid && (
        <div style={{ marginTop: 12 }} data-testid="policy-preview">
          <PreviewTable result={preview} />
        </div>
      )}
    </div>
  );
}

/** The form tabs an error list points at, to mark them. */
export function flaggedSections(check: ValidateResult | null, doc: Doc | null): Set<SectionKey> {
  const out = new Set<SectionKey>();
  for (const e of check?.valid === false ? check.errors : []) {
    const s = readableError(e, doc).section;
    if (s) out.add(s);
  }
  return out;
}
