// 学分银行 of one teacher, on the teacher's detail page (admins in scope): the same totals and entries
// the teacher sees, and the Excel export (audited on the server).
import { useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { BankOutlined, FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { creditBank } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { downloadFile } from '../../../api/files.ts';
import { BankEntries } from '../../space/credit-bank/BankEntries.tsx';
import { BankTotals } from '../../space/credit-bank/BankTotals.tsx';
import { exportUrl, type BankFilters } from '../../space/credit-bank/types.ts';

export function TeacherBankCard({ teacherId }: { teacherId: string }) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<BankFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [busy, setBusy] = useState(false);
  const bank = useQuery({
    queryKey: ['credit-bank', 'teacher', teacherId, filters, page],
    queryFn: () => call(creditBank.teacherBank, { params: { id: teacherId }, query: { ...filters, ...page } }),
    placeholderData: keepPreviousData,
  });
  const exportXlsx = async () => {
    setBusy(true);
    try {
      await downloadFile(
        exportUrl(creditBank.teacherBankXlsx.path.replace(':id', encodeURIComponent(teacherId)), filters),
        '学分银行.xlsx',
      );
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <Space>
          <BankOutlined />
          学分银行
        </Space>
      }
      extra={
        <Button icon={<FileExcelOutlined />} loading={busy} onClick={exportXlsx}>
          导出 Excel
        </Button>
      }
      loading={bank.isPending}
    >
      {bank.isError && !bank.data && <span>{bank.error.message}</span>}
      {bank.data && (
        <>
          <BankTotals view={bank.data} />
          <div style={{ marginTop: 16 }}>
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
          </div>
        </>
      )}
    </Card>
  );
}
