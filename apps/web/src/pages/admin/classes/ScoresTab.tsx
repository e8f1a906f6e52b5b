import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, InputNumber, Space, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { classScores } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { classKey } from './ClassDetailPage.tsx';
import { downloadFile } from '../../../api/files.ts';
import { ScoreImport } from './ScoreImport.tsx';
import { completionText, resultTag } from './TraineesTab.tsx';
import type { ClassDetail, SaveScoresResult, Trainee } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

type Edit = { onsite: number | null; online: number | null };

/** 总成绩 as the server computes it (hundredths), for the warning before a pass is taken back. */
function previewTotal(p: ClassDetail['project'], e: Edit): number | null {
  if ((p.onsiteWeight > 0 && e.onsite === null) || (p.onlineWeight > 0 && e.online === null)) return null;
  return Math.round(Math.round((e.onsite ?? 0) * 100) * p.onsiteWeight + Math.round((e.online ?? 0) * 100) * p.onlineWeight) / 10000;
}

export function saveSummary(r: Pick<SaveScoresResult, 'updated' | 'unchanged' | 'passed' | 'reversed'> & { reissued?: number }) {
  const parts = [`已保存 ${r.updated} 人的成绩`];
  if (r.passed) parts.push(`${r.passed} 人合格，已记入学分并颁发结业证书`);
  if (r.reversed) parts.push(`${r.reversed} 人改为不合格，已冲销学分并撤销结业证书`);
  if (r.reissued) parts.push(`${r.reissued} 人成绩更正，结业证书已换发`);
  return parts.join('；');
}

/** 成绩: inline entry of 集中学习 and 网络学习, or the spreadsheet. */
export function ScoresTab({ detail }: { detail: ClassDetail }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const id = detail.class.id;
  const p = detail.project;
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const byId = useMemo(() => new Map(detail.trainees.map((t) => [t.enrollmentId, t])), [detail.trainees]);
  const valueOf = (t: Trainee): Edit => edits[t.enrollmentId] ?? { onsite: t.onsiteScore, online: t.onlineScore };
  const changed = Object.entries(edits).filter(([k, e]) => {
    const t = byId.get(Number(k));
    return t && (e.onsite !== t.onsiteScore || e.online !== t.onlineScore);
  });
  const set = (t: Trainee, part: keyof Edit, v: number | null) =>
    setEdits((x) => ({ ...x, [t.enrollmentId]: { ...valueOf(t), [part]: v } }));

  const saving = useMutation({
    mutationFn: (items: { enrollmentId: number; onsiteScore: number | null; onlineScore: number | null }[]) =>
      call(classScores.saveScores, { params: { id }, body: { items } }),
    onSuccess: async (r) => {
      message.success(saveSummary(r), 6);
      setEdits({});
      await qc.invalidateQueries({ queryKey: classKey(id) });
    },
    onError: (e) => message.error(e.message),
  });
  const doSave = () =>
    saving
      .mutateAsync(changed.map(([k, e]) => ({ enrollmentId: Number(k), onsiteScore: e.onsite, onlineScore: e.online })))
      .catch(() => undefined);
  const save = () => {
    const losing = changed
      .map(([k, e]) => ({ t: byId.get(Number(k))!, total: previewTotal(p, e) }))
      .filter(({ t, total }) => t.result === 'passed' && (total === null || total < p.passMark));
    if (!losing.length) return void doSave();
    modal.confirm({
      title: '以下学员将由合格改为不合格',
      content: (
        <>
          <p>{losing.map(({ t, total }) => `${t.name}（总成绩 ${total ?? '—'}）`).join('、')}</p>
          <p>保存后，已记入的学分将被冲销，已颁发的结业证书将被撤销（验证时显示“已撤销”）。确定保存吗？</p>
        </>
      ),
      okText: '确定保存',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: doSave,
    });
  };
  const score = (t: Trainee, part: keyof Edit) => (
    <InputNumber
      size="small"
      min={0}
      max={100}
      step={0.5}
      precision={2}
      style={{ width: 96 }}
      value={valueOf(t)[part]}
      onChange={(v) => set(t, part, typeof v === 'number' ? v : null)}
      aria-label={`${t.name}的${part === 'onsite' ? '集中学习' : '网络学习'}成绩`}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={`总成绩 = 集中学习 × ${p.onsiteWeight}% + 网络学习 × ${p.onlineWeight}%，${p.passMark} 分及以上为合格`}
        description={`合格的学员自动获得 ${p.creditCategoryName} ${p.credits} 学分（由${p.organiserName}认定）和结业证书；合格改为不合格时，学分冲销、证书撤销。`}
      />
      <Space wrap>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!changed.length}
          loading={saving.isPending}
          onClick={save}
          data-testid="save-scores"
        >
          保存成绩{changed.length ? `（${changed.length} 人）` : ''}
        </Button>
        {changed.length > 0 && <Button onClick={() => setEdits({})}>放弃修改</Button>}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadFile(`/api/classes/${id}/scores/template`, '成绩模板.xlsx').catch((e: Error) => message.error(e.message))}
        >
          下载成绩模板
        </Button>
      </Space>
      <PhoneTable<Trainee>
        detailsByClick={false}
        data-testid="scores-table"
        rowKey="enrollmentId"
        size="small"
        dataSource={detail.trainees}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="本班暂无学员" /> }}
        onRow={(t) => ({ style: edits[t.enrollmentId] ? { background: '#fffbe6' } : undefined })}
        columns={[
          { title: '学员编号', responsive: FROM_MD, dataIndex: 'enrollmentId', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '单位', responsive: FROM_MD, dataIndex: 'schoolName', ellipsis: true },
          { title: '集中学习', key: 'onsite', width: 120, render: (_, t) => score(t, 'onsite') },
          { title: '网络学习', key: 'online', width: 120, render: (_, t) => score(t, 'online') },
          { title: '总成绩', responsive: FROM_MD, dataIndex: 'totalScore', width: 80, render: (v: number | null) => v ?? '—' },
          { title: '考核结果', responsive: FROM_MD, key: 'result', width: 90, render: (_, t) => resultTag(t) },
          { title: '结业', responsive: FROM_MD, key: 'completion', render: (_, t) => completionText(t) },
        ]}
      />
      <div>
        <Typography.Title level={5}>表格导入</Typography.Title>
        <ScoreImport classId={id} onImported={() => qc.invalidateQueries({ queryKey: classKey(id) })} />
      </div>
    </Space>
  );
}
