import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { creditClaims } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ClaimFormModal } from './ClaimFormModal.tsx';
import { ConversionTable } from './ConversionTable.tsx';
import { MyClaims } from './MyClaims.tsx';
import type { Claim } from './types.ts';

const KEY = ['credit-claims'] as const;

/** 学分申报 (/space/credits/claims): the conversion table, the claim form, and my claims with their review state. */
export default function CreditClaimsPage() {
  const qc = useQueryClient();
  const [form, setForm] = useState<{ typeId?: string; resubmit?: Claim } | null>(null);
  const types = useQuery({ queryKey: [...KEY, 'types'], queryFn: () => call(creditClaims.claimTypes) });
  const mine = useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => call(creditClaims.myClaims),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="学分申报"
        loading={types.isLoading}
        extra={
          <Space>
            <Link to="/space/credits">返回我的学分</Link>
            <Button type="primary" icon={<PlusOutlined />} disabled={!types.data?.types.length} onClick={() => setForm({})}>
              我要申报
            </Button>
          </Space>
        }
      >
        {types.isError ? (
          <Alert type="error" showIcon title="折算表加载失败" description={types.error.message} />
        ) : types.data ? (
          <>
            <Typography.Paragraph type="secondary">
              参加课题研究、学历提升、承担培训授课、公开发表论文、企业实践等活动，可按下表折算申报学分：选择类型、填写数量并上传证明材料，
              由相应级别的管理员审核，审核通过后计入“我的学分”。依据：{types.data.policyName}（第 {types.data.policyVersion} 版）。
            </Typography.Paragraph>
            <ConversionTable data={types.data} onClaim={(typeId) => setForm({ typeId })} />
          </>
        ) : null}
      </Card>
      <Card title="我的申报">
        <MyClaims
          items={mine.data?.items ?? []}
          unit={mine.data?.unitLabel ?? '学分'}
          loading={mine.isFetching}
          error={mine.isError ? mine.error.message : undefined}
          onChanged={refresh}
          onResubmit={(c) => setForm({ resubmit: c })}
        />
      </Card>
      {types.data && (
        <ClaimFormModal
          open={!!form}
          data={types.data}
          initialType={form?.typeId}
          resubmit={form?.resubmit}
          mine={mine.data?.items ?? []}
          onClose={() => setForm(null)}
          onSubmitted={async () => {
            setForm(null);
            await refresh();
          }}
        />
      )}
    </Space>
  );
}
