// 学分政策 (province admin): the version in force and the history, and the editor in which a draft is
// checked, previewed against the teachers and published as a new version.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Card, Space, Spin } from 'antd';
import { creditPolicies as c } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import type { Doc } from './draft.ts';
import type { SectionKey } from './labels.ts';
import { PolicyEditor, type Run } from './PolicyEditor.tsx';
import { RecomputeProgress } from './RecomputeProgress.tsx';
import type { PreviewResult, ValidateResult } from './types.ts';
import { useDraft } from './useDraft.ts';
import { VersionCards } from './VersionCards.tsx';

type Kind = Run | 'recompute';

export default function CreditPoliciesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const versions = useQuery({ queryKey: ['credit-policies'], queryFn: () => call(c.listVersions) });
  const active = useQuery({ queryKey: ['credit-policy-active'], queryFn: () => call(c.activeVersion) });
  const [check, setCheck] = useState<ValidateResult | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [tab, setTab] = useState<SectionKey>('basic');
  // any edit makes the last check and preview stale
  const clearResults = useCallback(() => {
    setCheck(null);
    setPreview(null);
  }, []);
  const draft = useDraft(clearResults);
  const { doc, load } = draft;

  useEffect(() => {
    if (active.data && doc === null) load(active.data.document);
  }, [active.data, doc, load]);

  const action = useMutation({
    mutationFn: async ({ kind, doc: body }: { kind: Kind; doc?: Doc }) => {
      if (kind === 'check') {
        setCheck(await call(c.validate, { body: { document: body } }));
      } else if (kind === 'preview') {
        const r = await call(c.preview, { body: { document: body } });
        setPreview(r.valid ? r : null);
        setCheck({ valid: r.valid, errors: r.errors });
      } else if (kind === 'publish') {
        const r = await call(c.publish, { body: { document: body, baseVersion: active.data?.version } });
        message.success(`已发布第 ${r.version} 版学分政策，正在重新计算教师的学分状态`);
        await Promise.all(
          ['credit-policies', 'credit-policy-active', 'credit-recompute', 'credit-compliance'].map((k) =>
            qc.invalidateQueries({ queryKey: [k] }),
          ),
        );
        load(null); // the editor reloads from the new active version, now fetched
      } else {
        await call(c.recompute);
        await qc.invalidateQueries({ queryKey: ['credit-recompute'] });
      }
    },
    onError: (e, { kind }) => {
      message.error(e.message);
      // a refused publish names every problem: list them where 校验 would
      const listed = e instanceof ApiError ? e.fields?.document : undefined;
      if (kind === 'publish' && listed) setCheck({ valid: false, errors: listed.split('\n') });
    },
  });
  const busy = action.isPending ? action.variables.kind : null;
  /** Sends the draft when it is JSON at all; a syntax error is shown as the check's result. */
  const run = (kind: Run) => {
    const current = draft.current();
    if (!current.ok) {
      setCheck({ valid: false, errors: [current.error] });
      setPreview(null);
      return;
    }
    action.mutate({ kind, doc: current.doc });
  };

  if (active.isPending)
    return (
      <Card title="学分政策">
        <Spin />
      </Card>
    );
  if (!active.data)
    return (
      <Card title="学分政策">
        <Alert type="error" showIcon title={active.error?.message ?? '无法加载学分政策'} />
      </Card>
    );
  const a = active.data;
  const nextVersion = Math.max(0, ...(versions.data?.items.map((i) => i.version) ?? [a.version])) + 1;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RecomputeProgress />
      <VersionCards
        active={a}
        versions={versions.data?.items ?? []}
        loadingVersions={versions.isFetching}
        recomputing={busy === 'recompute'}
        onRecompute={() => action.mutate({ kind: 'recompute' })}
        onLoad={(d) => {
          load(d);
          message.info('已载入编辑器，修改后可校验、预览和发布');
        }}
      />
      <PolicyEditor
        draft={draft}
        tab={tab}
        onTab={setTab}
        check={check}
        preview={preview}
        busy={busy}
        nextVersion={nextVersion}
        onRun={run}
        onRestore={() => load(a.document)}
      />
    </Space>
  );
}
