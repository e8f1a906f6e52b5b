// 表格导入: template, upload (the whole file is checked and posted in one go on the server, so the
// wait is shown), and the row-level report. Uploading the same file again posts nothing twice.
import { useState } from 'react';
import { Alert, App, Button, Segmented, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { credits, type ResponseOf } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';

type ImportResult = ResponseOf<typeof credits.importSchoolBased>;
type RowResult = ImportResult['rows'][number];

const STATUS: Record<RowResult['status'], { text: string; color: string }> = {
  posted: { text: '已导入', color: 'green' },
  duplicate: { text: '已导入过', color: 'blue' },
  error: { text: '有错误', color: 'red' },
};
const MAX = 5 * 1024 * 1024;

export function SchoolBasedImport({ onImported }: { onImported: () => void | Promise<unknown> }) {
  const { message } = App.useApp();
  const [result, setResult] = useState<ImportResult | null>(null);
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return call(credits.importSchoolBased, { body: fd });
    },
    onMutate: () => setResult(null),
    onSuccess: async (r) => {
      setResult(r);
      setOnly(r.errors ? 'error' : 'all');
      if (r.errors) message.warning(`有 ${r.errors} 行未导入，请按提示修改后重新上传整个文件`);
      else message.success(`导入完成：新导入 ${r.posted} 行`);
      await onImported();
    },
    onError: (e) => message.error(e.message),
  });
  const busy = importFile.isPending ? importFile.variables.name : null;
  const [only, setOnly] = useState<'all' | 'error'>('all');

  const upload = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) return message.error('只能上传 xlsx 格式的 Excel 文件，请使用下载的模板');
    if (file.size > MAX) return message.error('文件不能超过 5 MB，请分成几个文件上传');
    importFile.mutate(file);
  };

  const rows = result ? (only === 'error' ? result.rows.filter((r) => r.status === 'error') : result.rows) : [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按模板填写：证件号码、姓名、年度、认定日期、研修内容、学分、学时（可不填）。只能认定本校教师；同一文件改正后可整份重新上传，已导入的行不会重复记入。
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={credits.schoolBasedTemplate.path} download="校本研修学分导入模板.xlsx">
          下载模板
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          disabled={!!busy}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={!!busy} data-testid="school-based-upload">
            上传表格
          </Button>
        </Upload>
      </Space>
      {busy && (
        <Spin>
          <Alert type="info" title={`正在导入“${busy}”，请稍候…`} description="系统正在逐行核对并记入学分，请勿关闭页面。" />
        </Spin>
      )}
      {result && (
        <>
          <Alert
            data-testid="import-summary"
            type={result.errors ? 'warning' : 'success'}
            showIcon
            title={`共 ${result.total} 行：新导入 ${result.posted} 行，已导入过 ${result.duplicates} 行，有错误 ${result.errors} 行`}
          />
          <Segmented
            value={only}
            onChange={(v) => setOnly(v as typeof only)}
            options={[
              { value: 'error', label: `只看错误（${result.errors}）` },
              { value: 'all', label: '全部' },
            ]}
          />
          <Table<RowResult>
            data-testid="import-rows"
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '证件号码', dataIndex: 'idNumber', render: (v) => v ?? '—' },
              { title: '姓名', dataIndex: 'name' },
              {
                title: '结果',
                dataIndex: 'status',
                render: (s: RowResult['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>,
              },
              {
                title: '说明',
                key: 'msg',
                render: (_, r) => <span style={{ color: r.error ? '#cf1322' : undefined }}>{r.error ?? r.note ?? ''}</span>,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
