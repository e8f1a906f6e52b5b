// 学分银行 (teacher): the lifetime account of all learning across cycles and sources — totals, the
// entries with filters, xlsx / PDF exports of what is filtered, and the signed, verifiable record.
import { useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { BankOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { creditBank } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { downloadFile } from '../../../api/files.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { BankEntries } from './BankEntries.tsx';
import { BankTotals } from './BankTotals.tsx';
import { CredentialsCard } from './CredentialsCard.tsx';
import { exportUrl, type BankFilters } from './types.ts';

export default function CreditBankPage() {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<BankFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const bank = useQuery({
    queryKey: ['credit-bank', 'me', filters, page],
    queryFn: () => call(creditBank.myBank, { query: { ...filters, ...page } }),
    placeholderData: keepPreviousData,
  });

  const download = async (kind: 'xlsx' | 'pdf') => {
    setBusy(kind);
    try {
      const path = kind === 'xlsx' ? creditBank.myBankXlsx.path : creditBank.myBankPdf.path;
      await downloadFile(exportUrl(path, filters), `学分银行.${kind}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  if (bank.isPending) return <PageLoading />;
  if (bank.isError && !bank.data) return <LoadError message={bank.error.message} onRetry={() => bank.refetch()} />;
  return (
    <>
      <Card
        title={
          <Space>
            <BankOutlined />
            学分银行
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
              导出 Excel
            </Button>
            <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => download('pdf')}>
              导出 PDF
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          学分银行记录您历年培训学习所获的全部学分：专项培训、自主选学、校本研修、学分申报、调整和转入，跨培训周期累计。依据《
          {bank.data.policy.name}》统计；冲销的记录保留可查，合计中已抵减。
        </Typography.Paragraph>
        <BankTotals view={bank.data} />
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          学分明细
        </Typography.Title>
        <BankEntries
          view={bank.data}
          loading={bank.isFetching}
          filters={filters}
          onFilters={(f) => {
            setFilters(f);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          page={page}
          onPage={(p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize })}
        />
      </Card>
      <CredentialsCard />
    </>
  );
}
