import { useState } from 'react';
import { Alert, App, Button, Progress, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { classScores } from '@shixun/contracts';
import { uploadWithProgress } from '../../../api/files.ts';
import type { ImportResult, ImportRow } from './types.ts';

const STATUS: Record<ImportRow['status'], { text: string; color: string }> = {
  updated: { text: '已更新', color: 'green' },
  unchanged: { text: '无变化', color: 'blue' },
  skipped: { text: '已跳过', color: 'default' },
  error: { text: '有错误', color: 'red' },
};
const MAX = classScores.SCORES_IMPORT_MAX_BYTES;

/** Upload of the filled-in template: progress while sending, then the row-level report. */
export function ScoreImport({ classId, onImported }: { classId: number; onImported: () => unknown }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [only, setOnly] = useState<'all' | 'error'>('all');

  const upload = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) return message.error('只能上传 xlsx 格式的 Excel 文件，请使用下载的成绩模板');
    if (file.size > MAX) return message.error(`文件不能超过 ${MAX / 1024 / 1024} MB`);
    setResult(null);
    setProgress({ name: file.name, percent: 0 });
    try {
      const r = await uploadWithProgress<ImportResult>(`/api/classes/${classId}/scores/import`, file, (percent) =>
        setProgress({ name: file.name, percent }),
      );
      setResult(r);
      setOnly(r.errors ? 'error' : 'all');
      if (r.errors) message.warning(`有 ${r.errors} 行未导入，请按提示修改后重新上传`);
      else message.success(`导入完成：更新 ${r.updated} 人${r.passed ? `，其中 ${r.passed} 人合格` : ''}`);
      await onImported();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  const rows = result ? (only === 'error' ? result.rows.filter((r) => r.status === 'error') : result.rows) : [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        下载成绩模板（已列出本班学员和当前成绩），填写“集中学习”“网络学习”后上传；留空表示不修改。学员编号和姓名用于识别学员，请勿修改。同一文件重复上传不会重复记入学分或证书。
      </Typography.Paragraph>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        disabled={!!progress}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={!!progress} data-testid="scores-upload">
          上传成绩表
        </Button>
      </Upload>
      {progress && (
        <div style={{ maxWidth: 480 }}>
          <Typography.Text>
            {progress.percent < 100 ? `正在上传“${progress.name}”…` : `正在逐行核对并保存“${progress.name}”，请勿关闭页面…`}
          </Typography.Text>
          <Progress percent={progress.percent} status="active" size="small" aria-label="导入进度" />
        </div>
      )}
      {result && (
        <>
          <Alert
            data-testid="scores-import-summary"
            type={result.errors ? 'warning' : 'success'}
            showIcon
            title={`共 ${result.total} 行：更新 ${result.updated} 行，无变化 ${result.unchanged} 行，跳过 ${result.skipped} 行，有错误 ${result.errors} 行`}
            description={
              [
                result.passed ? `${result.passed} 人合格，已记入学分并颁发结业证书。` : '',
                result.reversed ? `${result.reversed} 人由合格改为不合格，学分已冲销、结业证书已撤销。` : '',
              ].join('') || undefined
            }
          />
          <Segmented
            value={only}
            onChange={(v) => setOnly(v as typeof only)}
            options={[
              { value: 'error', label: `只看错误（${result.errors}）` },
              { value: 'all', label: '全部' },
            ]}
          />
          <Table<ImportRow>
            data-testid="scores-import-rows"
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '学员编号', dataIndex: 'enrollmentId', width: 90, render: (v: number | null) => v ?? '—' },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '总成绩', dataIndex: 'totalScore', width: 80, render: (v?: number | null) => v ?? '—' },
              {
                title: '结果',
                dataIndex: 'status',
                width: 90,
                render: (s: ImportRow['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>,
              },
              {
                title: '说明',
                key: 'msg',
                render: (_, r) => (
                  <span style={{ color: r.error ? '#cf1322' : undefined }}>{r.error ?? r.note ?? r.resultLabel ?? ''}</span>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
