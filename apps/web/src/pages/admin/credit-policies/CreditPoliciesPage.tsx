import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { creditPolicies as c } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { PreviewTable } from './PreviewTable.tsx';
import type { PolicyDocument, PolicyVersionRow, PreviewResult, ValidateResult } from './types.ts';

type Kind = 'check' | 'preview' | 'publish' | 'recompute';

const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', fontSize: 13 };
const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);

/** The editor's text as a document, or the JSON syntax error in Chinese. */
function parseDraft(text: string): { ok: true; doc: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, doc: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `JSON 格式错误：${(e as Error).message}。请检查引号、逗号和括号是否成对。` };
  }
}

const TRIGGER: Record<string, string> = { publish: '发布新版本后', year_turn: '跨年自动', manual: '手动' };

/** The latest standings recompute (a background job that survives a restart) and the next scheduled one. */
function RecomputeProgress() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['credit-recompute'],
    queryFn: () => call(c.recomputeProgress),
    refetchInterval: (q) => (q.state.data?.state === 'running' || q.state.data?.state === 'queued' ? 1000 : false),
  });
  const s = status.data;
  const active = s?.state === 'running' || s?.state === 'queued';
  useEffect(() => {
    if (s && !active) void qc.invalidateQueries({ queryKey: ['credit-compliance'] });
  }, [s, active, qc]);
  if (!s) return null;
  const next = s.nextRunAt ? `下次自动重新计算：${formatTime(s.nextRunAt)}（跨年时按新的年度刷新全部教师的学分状态）` : null;
  const why = s.trigger ? `（${TRIGGER[s.trigger]}）` : '';
  const under = s.version ? `按第 ${s.version} 版政策` : '按当前政策';
  const pct = s.total ? Math.min(100, Math.floor((s.done / s.total) * 100)) : 0;
  const alert = (() => {
    if (s.state === 'idle') return null;
    if (s.state === 'queued')
      return (
        <Alert
          type="info"
          showIcon
          title={`${under}重新计算学分状态${why}：排队中${s.done ? `，已完成 ${s.done} / ${s.total}` : ''}`}
          description={
            s.error ? `上次尝试失败：${s.error}。稍后自动重试（已尝试 ${s.attempts} 次）。` : '后台任务即将开始，服务重启后会从中断处继续。'
          }
        />
      );
    if (s.state === 'running')
      return (
        <Alert
          type="info"
          showIcon
          title={`正在${under}重新计算全部教师的学分状态${why}：${s.done} / ${s.total}`}
          description={<Progress percent={pct} status="active" aria-label="重新计算进度" />}
        />
      );
    if (s.state === 'done')
      return (
        <Alert type="success" showIcon title={`已${under}重新计算 ${s.done} 名教师的学分状态${why}（${formatTime(s.finishedAt)} 完成）`} />
      );
    if (s.state === 'cancelled')
      return (
        <Alert
          type="warning"
          showIcon
          title={`${under}的重新计算在 ${s.done} / ${s.total} 时停止：已发布更新的版本，将按新版本重新计算。`}
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        title={`重新计算失败${why}：${s.error ?? '未知错误'}（已完成 ${s.done} / ${s.total}，已尝试 ${s.attempts} 次），请重新计算。`}
      />
    );
  })();
  if (!alert && !next) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {alert}
      {next && <Typography.Text type="secondary">{next}</Typography.Text>}
    </Space>
  );
}

export default function CreditPoliciesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const versions = useQuery({ queryKey: ['credit-policies'], queryFn: () => call(c.listVersions) });
  const active = useQuery({ queryKey: ['credit-policy-active'], queryFn: () => call(c.activeVersion) });
  const [text, setText] = useState<string | null>(null);
  const [check, setCheck] = useState<ValidateResult | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [viewing, setViewing] = useState<PolicyDocument | null>(null);

  useEffect(() => {
    if (active.data && text === null) setText(pretty(active.data.document));
  }, [active.data, text]);

  const edit = (v: string) => {
    setText(v);
    setCheck(null);
    setPreview(null);
  };
  const action = useMutation({
    mutationFn: async ({ kind, doc }: { kind: Kind; doc?: unknown }) => {
      if (kind === 'check') {
        setCheck(await call(c.validate, { body: { document: doc } }));
      } else if (kind === 'preview') {
        const r = await call(c.preview, { body: { document: doc } });
        setPreview(r.valid ? r : null);
        setCheck({ valid: r.valid, errors: r.errors });
      } else if (kind === 'publish') {
        const r = await call(c.publish, { body: { document: doc, baseVersion: active.data?.version } });
        message.success(`已发布第 ${r.version} 版学分政策，正在重新计算教师的学分状态`);
        setPreview(null);
        setCheck(null);
        await Promise.all(
          ['credit-policies', 'credit-policy-active', 'credit-recompute', 'credit-compliance'].map((k) =>
            qc.invalidateQueries({ queryKey: [k] }),
          ),
        );
        setText(null); // the editor reloads from the new active version, now fetched
      } else {
        await call(c.recompute);
        await qc.invalidateQueries({ queryKey: ['credit-recompute'] });
      }
    },
    onError: (e) => message.error(e.message),
  });
  const busy = action.isPending ? action.variables.kind : null;
  /** Sends the draft when it is JSON at all; a syntax error is shown as the check's result. */
  const run = (kind: Exclude<Kind, 'recompute'>) => {
    const parsed = parseDraft(text ?? '');
    if (!parsed.ok) {
      setCheck({ valid: false, errors: [parsed.error] });
      setPreview(null);
      return;
    }
    action.mutate({ kind, doc: parsed.doc });
  };
  const validate = () => run('check');
  const doPreview = () => run('preview');
  const publish = () => run('publish');
  const recompute = () => action.mutate({ kind: 'recompute' });
  const openVersion = async (v: number) => {
    try {
      setViewing(await call(c.version, { params: { version: v } }));
    } catch (e) {
      message.error((e as Error).message);
    }
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
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title="当前生效版本"
            size="small"
            style={{ height: '100%' }}
            extra={
              <Popconfirm
                title="按当前政策重新计算全部教师的学分状态？"
                description="发布新版本后和每年 1 月 1 日零时会自动重新计算；此处用于需要立即刷新时。学分记录不会改变。"
                okText="重新计算"
                cancelText="取消"
                onConfirm={recompute}
              >
                <Button size="small" loading={busy === 'recompute'}>
                  重新计算学分状态
                </Button>
              </Popconfirm>
            }
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'v', label: '版本', children: <Tag color="blue">第 {a.version} 版</Tag> },
                { key: 'n', label: '名称', children: String(a.document.name ?? '') },
                { key: 'id', label: '政策标识', children: a.policyId },
                { key: 't', label: '发布时间', children: formatTime(a.createdAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title="版本历史" size="small" style={{ height: '100%' }}>
            <Table<PolicyVersionRow>
              size="small"
              rowKey="version"
              loading={versions.isFetching}
              dataSource={versions.data?.items ?? []}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              columns={[
                {
                  title: '版本',
                  dataIndex: 'version',
                  width: 90,
                  render: (v: number, r) => (
                    <Space size={4}>
                      {v}
                      {r.active && <Tag color="green">生效</Tag>}
                    </Space>
                  ),
                },
                { title: '名称', dataIndex: 'name', ellipsis: true },
                { title: '发布人', dataIndex: 'createdBy', width: 200, ellipsis: true },
                { title: '发布时间', dataIndex: 'createdAt', width: 170, render: formatTime },
                {
                  title: '',
                  key: 'op',
                  width: 60,
                  render: (_, r) => <Typography.Link onClick={() => openVersion(r.version)}>查看</Typography.Link>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title="编辑政策（JSON）"
        size="small"
        extra={
          <Button size="small" onClick={() => edit(pretty(a.document))}>
            恢复为当前版本
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          在当前版本的基础上修改，先「校验」，再「预览影响」查看达标人数的变化，确认后「发布新版本」。发布不会改动已有的学分记录和旧版本；版本号由系统分配。
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Input.TextArea
              aria-label="学分政策 JSON"
              value={text ?? ''}
              onChange={(e) => edit(e.target.value)}
              spellCheck={false}
              autoSize={{ minRows: 18, maxRows: 34 }}
              style={MONO}
            />
            <Space style={{ marginTop: 12 }} wrap>
              <Button onClick={validate} loading={busy === 'check'}>
                校验
              </Button>
              <Button onClick={doPreview} loading={busy === 'preview'}>
                预览影响
              </Button>
              <Popconfirm
                title={`发布为第 ${nextVersion} 版？`}
                description="发布后立即生效，并按新政策重新计算全部教师的学分状态；已有的学分记录和旧版本不会改变。"
                okText="发布"
                cancelText="取消"
                onConfirm={publish}
              >
                <Button type="primary" loading={busy === 'publish'}>
                  发布新版本
                </Button>
              </Popconfirm>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            {!check && !preview && <Alert type="info" showIcon title="校验和预览的结果显示在这里" />}
            {check &&
              (check.valid ? (
                <Alert type="success" showIcon title="校验通过：草稿可以发布" />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  title={`草稿有 ${check.errors.length} 处问题，修改后再试`}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {check.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  }
                />
              ))}
            {preview?.valid && (
              <div style={{ marginTop: 12 }}>
                <PreviewTable result={preview} />
              </div>
            )}
          </Col>
        </Row>
      </Card>
      <Modal
        open={!!viewing}
        title={viewing ? `第 ${viewing.version} 版学分政策${viewing.active ? '（生效中）' : ''}` : ''}
        width={800}
        onCancel={() => setViewing(null)}
        footer={[
          <Button key="close" onClick={() => setViewing(null)}>
            关闭
          </Button>,
          <Button
            key="load"
            type="primary"
            onClick={() => {
              edit(pretty(viewing!.document));
              setViewing(null);
            }}
          >
            载入编辑器
          </Button>,
        ]}
      >
        <pre style={{ ...MONO, maxHeight: '60vh', overflow: 'auto', background: '#fafafa', padding: 12 }}>
          {viewing ? pretty(viewing.document) : ''}
        </pre>
      </Modal>
    </Space>
  );
}
