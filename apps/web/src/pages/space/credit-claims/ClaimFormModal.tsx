import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { creditClaims } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import { claimAmount, formatSize, type Claim, type ClaimTypes } from './types.ts';

interface Values {
  claimType: string;
  year: number;
  title: string;
  quantity: number;
  description?: string;
  files: UploadFile[];
}

const EXT = /\.(pdf|jpe?g|png)$/i;
// the limits the server checks, from the contract
const TITLE_MAX = creditClaims.claimForm.shape.title.maxLength ?? 100;
const DESCRIPTION_MAX = creditClaims.claimForm.shape.description.unwrap().maxLength ?? 1000;
const MIME = ['application/pdf', 'image/jpeg', 'image/png'];

/** What this teacher already holds of a type in a year (待审核 + 已通过): the server's maxPerYear counts the same. */
function usedOf(mine: Claim[], typeId: string | undefined, year: number | undefined): number {
  return mine
    .filter((c) => c.claimType === typeId && c.year === year && (c.status === 'pending' || c.status === 'approved'))
    .reduce((s, c) => Math.round((s + c.amount) * 100) / 100, 0);
}

/** 学分申报 form: type, year, title, quantity (credits computed as you type), description, 1–5 evidence files. */
export function ClaimFormModal({
  open,
  data,
  initialType,
  resubmit,
  mine,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  data: ClaimTypes;
  initialType?: string;
  /** 重新申报: the returned claim answered — its fields prefilled, its note shown, its evidence kept */
  resubmit?: Claim;
  mine: Claim[];
  onClose: () => void;
  onSubmitted: (c: Claim) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const typeId = Form.useWatch('claimType', form);
  const year = Form.useWatch('year', form);
  const quantity = Form.useWatch('quantity', form);
  const type = data.types.find((t) => t.id === typeId);
  const amount = claimAmount(quantity, type?.amount);
  const used = usedOf(mine, typeId, year);
  const left = type?.maxPerYear == null ? null : Math.max(0, Math.round((type.maxPerYear - used) * 100) / 100);
  const unit = data.unitLabel;
  const kept = resubmit?.files ?? [];
  const maxFiles = data.evidenceLimits.maxFiles - kept.length;
  const { maxBytes } = data.evidenceLimits;

  useEffect(() => {
    if (!open) return;
    if (resubmit)
      form.setFieldsValue({
        claimType: data.types.some((t) => t.id === resubmit.claimType) ? resubmit.claimType : undefined,
        year: data.years.includes(resubmit.year) ? resubmit.year : data.years[0],
        title: resubmit.title,
        quantity: resubmit.quantity,
        description: resubmit.description ?? '',
        files: [],
      });
    else form.setFieldsValue({ claimType: initialType, year: data.years[0], quantity: 1, files: [] });
  }, [open, initialType, resubmit, data.years, data.types, form]);

  const send = useMutation({
    mutationFn: (fd: FormData) =>
      resubmit ? call(creditClaims.resubmitClaim, { params: { id: resubmit.id }, body: fd }) : call(creditClaims.submitClaim, { body: fd }),
    onSuccess: (r) => {
      message.success(resubmit ? '已重新申报，请等待审核' : '申报已提交，请等待审核');
      form.resetFields();
      onSubmitted(r.claim);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) {
        form.setFields(
          Object.entries(e.fields)
            .filter(([k]) => k in { claimType: 1, year: 1, title: 1, quantity: 1, description: 1, files: 1 })
            .map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })),
        );
      }
      message.error(e.message);
    },
  });

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    const fd = new FormData();
    fd.append('claimType', v.claimType);
    fd.append('year', String(v.year));
    fd.append('title', v.title.trim());
    fd.append('quantity', String(v.quantity));
    if (v.description?.trim()) fd.append('description', v.description.trim());
    for (const f of v.files) if (f.originFileObj) fd.append('files', f.originFileObj, f.name);
    send.mutate(fd);
  };

  return (
    <Modal
      title={resubmit ? '重新申报' : '学分申报'}
      open={open}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="c" onClick={onClose}>
          取消
        </Button>,
        <Button key="s" type="primary" loading={send.isPending} onClick={submit}>
          {resubmit ? '重新申报' : '提交申报'}
        </Button>,
      ]}
    >
      {resubmit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="resubmit-note"
          title={`原申报已被${resubmit.reviewLevelLabel}退回${resubmit.reviewerName ? `（${resubmit.reviewerName}）` : ''}`}
          description={
            <>
              <div>退回理由：{resubmit.reviewReason ?? '—'}</div>
              <div>请按理由修改或补充材料后重新提交；原申报的证明材料会一并提交。</div>
            </>
          }
        />
      )}
      <Form form={form} layout="vertical" preserve={false} requiredMark>
        <Form.Item
          label="申报类型"
          name="claimType"
          rules={[{ required: true, message: '请选择申报类型' }]}
          extra={
            type
              ? `每项 ${type.amount} ${unit}，${type.maxPerYear == null ? '不设年度上限' : `每年最多 ${type.maxPerYear} ${unit}`}，由${type.reviewLevelLabel}管理员审核`
              : undefined
          }
        >
          <Select
            placeholder="请选择申报类型"
            options={data.types.map((t) => ({ value: t.id, label: `${t.name}（${t.categoryName}）` }))}
          />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]} extra="学分计入的考核年度">
          <Select style={{ width: 160 }} options={data.years.map((y) => ({ value: y, label: `${y} 年` }))} />
        </Form.Item>
        <Form.Item
          label="申报名称"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写申报名称' },
            { max: TITLE_MAX, message: `申报名称不能超过 ${TITLE_MAX} 个字` },
          ]}
        >
          <Input placeholder="如：论文题目、课题名称、授课的培训项目" maxLength={TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item
          label="数量（项）"
          name="quantity"
          dependencies={['claimType', 'year']}
          rules={[
            { required: true, message: '请填写数量' },
            { type: 'number', min: 0.01, message: '数量必须大于 0' },
            {
              validator: async (_, q: number | null) => {
                const a = claimAmount(q, type?.amount);
                if (a !== null && left !== null && a > left) throw new Error(`超出每年上限：${year} 年还能申报 ${left} ${unit}`);
              },
            },
          ]}
        >
          <InputNumber min={0.01} max={1000} step={1} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Alert
          type={amount !== null && left !== null && amount > left ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="claim-amount"
          title={
            amount === null
              ? '选择申报类型并填写数量后，这里显示折算的学分'
              : `折算学分：${amount} ${unit}（${quantity} 项 × ${type!.amount} ${unit}）`
          }
          description={
            type && left !== null
              ? `${year} 年本类型已申报（含待审核）${used} ${unit}，每年上限 ${type.maxPerYear} ${unit}，还可申报 ${left} ${unit}。`
              : undefined
          }
        />
        <Form.Item label="说明" name="description" rules={[{ max: DESCRIPTION_MAX, message: `说明不能超过 ${DESCRIPTION_MAX} 个字` }]}>
          <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount placeholder="时间、级别、本人承担的工作等，便于审核" />
        </Form.Item>
        <Form.Item
          label={kept.length ? '补充证明材料' : '证明材料'}
          name="files"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={
            <>
              {kept.length > 0 && (
                <div data-testid="kept-files">
                  沿用原申报的材料：{kept.map((f) => f.name).join('、')}（{kept.length} 个）
                </div>
              )}
              {`${type?.evidence ? `需要：${type.evidence}。` : ''}支持 PDF、JPG、PNG，${kept.length ? '还可补充' : '最多'} ${maxFiles} 个，每个不超过 ${formatSize(maxBytes)}。`}
            </>
          }
          rules={[
            {
              validator: async (_, files: UploadFile[] = []) => {
                if (!files.length && !kept.length) throw new Error('请上传至少 1 个证明材料');
                if (files.length > maxFiles)
                  throw new Error(kept.length ? `最多还能补充 ${maxFiles} 个证明材料` : `证明材料最多上传 ${maxFiles} 个`);
                const bad = files.find((f) => !(MIME.includes(f.type ?? '') || EXT.test(f.name)));
                if (bad) throw new Error(`“${bad.name}”不是 PDF、JPG 或 PNG 文件`);
                const big = files.find((f) => (f.size ?? 0) > maxBytes);
                if (big) throw new Error(`“${big.name}”超过 ${formatSize(maxBytes)}，请压缩后重新上传`);
              },
            },
          ]}
        >
          <Upload
            beforeUpload={() => false}
            multiple
            maxCount={Math.max(maxFiles, 1)}
            disabled={maxFiles <= 0}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Typography.Text type="secondary">提交后可在“我的申报”中查看审核进度；待审核的申报可以撤回。</Typography.Text>
      </Form>
    </Modal>
  );
}
