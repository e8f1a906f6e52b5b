import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { projects, type BodyOf } from '@shixun/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { call } from '../../../api/call.ts';
import type { ApiError } from '../../../api/client.ts';
import { LoadError } from '../../../components/guards.tsx';
import { useRegionOptions } from '../useRegionOptions.ts';

type ProjectBody = BodyOf<typeof projects.createProject>;
interface Values {
  name: string;
  year: number;
  level: ProjectBody['level'];
  organiserName?: string;
  typeId: number;
  subTypeId?: number | null;
  mode: ProjectBody['mode'];
  funding?: string;
  creditCategory: string;
  creditAmount?: number;
  hours?: number;
  targetStages?: string[];
  targetSubjects?: string[];
  targetRegionPaths?: string[][];
  quota: number;
  institutionIds?: number[];
  place?: string;
  dates: [Dayjs, Dayjs];
  allowApplication?: boolean;
  applyDates?: [Dayjs, Dayjs] | null;
  onsiteWeight: number;
  onlineWeight: number;
  passMark: number;
  learningUrl?: string;
  quotaFallback: ProjectBody['quotaFallback'];
  certificatePhoto?: boolean;
  evaluationQuestions?: { text: string; kind: 'rating' | 'text' }[];
}
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
/** 450102 → [45, 4501, 450102] from the viewer's root level down. */
const pathOf = (code: string, rootLen: number) => [2, 4, 6].filter((n) => n >= rootLen && n <= code.length).map((n) => code.slice(0, n));

/** 新建 / 修改培训项目: every field of the plan. Only drafts are edited; publishing checks completeness. */
export default function ProjectForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const opts = useQuery({ queryKey: ['project-form-options'], queryFn: () => call(projects.formOptions) });
  const types = useQuery({ queryKey: ['project-types'], queryFn: () => call(projects.projectTypes) });
  const insts = useQuery({ queryKey: ['institutions'], queryFn: () => call(projects.institutions) });
  const existing = useQuery({
    queryKey: ['project', id],
    queryFn: () => call(projects.getProject, { params: { id: Number(id) } }),
    enabled: !!id,
  });
  const save = useMutation({
    mutationFn: (body: ProjectBody) =>
      id ? call(projects.updateProject, { params: { id: Number(id) }, body }) : call(projects.createProject, { body }),
  });
  const busy = save.isPending;
  const regions = useRegionOptions();
  const rootLen = regions.options[0]?.value.length ?? 2;
  const typeId = Form.useWatch('typeId', form);
  const allow = Form.useWatch('allowApplication', form);
  const isSchool = opts.data?.node.level === 'school';

  useEffect(() => {
    const p = existing.data?.project;
    if (!p) return;
    form.setFieldsValue({
      ...p,
      subTypeId: p.subTypeId,
      learningUrl: p.learningUrl ?? '',
      institutionIds: p.institutions.map((i) => i.id),
      targetRegionPaths: p.targetRegions.map((r) => pathOf(r.code, rootLen)),
      dates: [dayjs(p.startDate), dayjs(p.endDate)],
      applyDates: p.applyStart && p.applyEnd ? [dayjs(p.applyStart), dayjs(p.applyEnd)] : null,
    });
  }, [existing.data, form, rootLen]);

  if (opts.isError) return <LoadError message={opts.error.message} onRetry={() => opts.refetch()} />;
  if (opts.isPending || (id && existing.isPending)) return <Spin style={{ margin: 80 }} />;
  if (existing.data && existing.data.project.status !== 'draft') return <LoadError message="项目已发布，不能再修改；只有草稿可以修改" />;

  const submit = async (v: Values) => {
    const body: ProjectBody = {
      name: v.name,
      year: v.year,
      level: v.level,
      organiserName: v.organiserName || undefined,
      typeId: v.typeId,
      subTypeId: v.subTypeId ?? null,
      mode: v.mode,
      funding: v.funding ?? '',
      creditCategory: v.creditCategory,
      creditAmount: v.creditAmount ?? 0,
      hours: v.hours ?? 0,
      targetStages: v.targetStages ?? [],
      targetSubjects: v.targetSubjects ?? [],
      targetRegionCodes: (v.targetRegionPaths ?? []).map((path) => path[path.length - 1]!),
      quota: v.quota,
      institutionIds: v.institutionIds ?? [],
      place: v.place ?? '',
      startDate: fmt(v.dates[0]),
      endDate: fmt(v.dates[1]),
      allowApplication: !!v.allowApplication,
      applyStart: v.applyDates ? fmt(v.applyDates[0]) : null,
      applyEnd: v.applyDates ? fmt(v.applyDates[1]) : null,
      onsiteWeight: v.onsiteWeight,
      onlineWeight: v.onlineWeight,
      passMark: v.passMark,
      learningUrl: v.learningUrl || null,
      quotaFallback: v.quotaFallback,
      certificatePhoto: !!v.certificatePhoto,
      evaluationQuestions: v.evaluationQuestions ?? [],
    };
    try {
      const r = await save.mutateAsync(body);
      message.success(id ? '已保存' : '已创建草稿，检查无误后可发布');
      navigate(`/admin/projects/${r.project.id}`);
    } catch (e) {
      const err = e as ApiError;
      message.error(err.message);
      if (err.fields)
        form.setFields(Object.entries(err.fields).map(([name, errors]) => ({ name: name as keyof Values, errors: [errors] })));
    }
  };

  const o = opts.data;
  const subTypes = types.data?.items.find((t) => t.id === typeId)?.children ?? [];
  return (
    <Card title={id ? '修改培训项目（草稿）' : '新建培训项目'}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          year: new Date().getFullYear(),
          level: o.levels[0]?.value,
          onsiteWeight: 50,
          onlineWeight: 50,
          passMark: 60,
          allowApplication: false,
          quotaFallback: 'walk_up',
          certificatePhoto: false,
          evaluationQuestions: [],
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="项目名称"
              name="name"
              rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: projects.LIMITS.name }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="项目级别" name="level" rules={[{ required: true, message: '请选择项目级别' }]}>
              <Select options={o.levels} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="组织单位" name="organiserName" tooltip={`留空则为 ${o.node.name}`}>
              <Input placeholder={o.node.name} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="项目类型" name="typeId" rules={[{ required: true, message: '请选择项目类型' }]}>
              <Select
                loading={types.isPending}
                options={types.data?.items.map((t) => ({ value: t.id, label: t.name }))}
                onChange={() => form.setFieldValue('subTypeId', null)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="子类型" name="subTypeId">
              <Select allowClear disabled={!subTypes.length} options={subTypes.map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="培训方式" name="mode" rules={[{ required: true, message: '请选择培训方式' }]}>
              <Select options={o.modes} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="经费" name="funding">
              <Input placeholder="如：省级财政经费" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="学分类型" name="creditCategory" rules={[{ required: true, message: '请选择学分类型' }]}>
              <Select options={o.categories.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="学分" name="creditAmount">
              <InputNumber min={0} max={1000} step={0.5} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="学时" name="hours">
              <InputNumber min={0} max={1000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="名额" name="quota" rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="面向学段" name="targetStages">
              <Select mode="multiple" allowClear placeholder="不限" options={o.stages.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="面向学科" name="targetSubjects">
              <Select mode="multiple" allowClear placeholder="不限" options={o.subjects.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="面向地区" name="targetRegionPaths" tooltip="留空则面向本单位全部管辖范围">
              <Cascader
                multiple
                disabled={isSchool}
                placeholder={isSchool ? '本校教师' : '不限（本单位全部地区）'}
                options={regions.options}
                loadData={regions.loadData}
                changeOnSelect
                showCheckedStrategy={Cascader.SHOW_PARENT}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="培训时间" name="dates" rules={[{ required: true, message: '请选择培训起止日期' }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="培训地点" name="place">
              <Input placeholder="集中培训须填写" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="承培机构" name="institutionIds">
              <Select
                mode="multiple"
                allowClear
                loading={insts.isPending}
                options={insts.data?.items.map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item label="允许教师申报" name="allowApplication" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="申报时间" name="applyDates" rules={[{ required: !!allow, message: '允许申报时须填写申报起止日期' }]}>
              <DatePicker.RangePicker disabled={!allow} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="学习网址（去学习）"
              name="learningUrl"
              rules={[{ type: 'url', message: '请填写以 http:// 或 https:// 开头的网址' }]}
            >
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="申报审核通过时名额不足"
              name="quotaFallback"
              tooltip="教师申报在学校审核通过时占用名额：先用教师所在单位最近一级分到的名额"
              rules={[{ required: true, message: '请选择名额不足时的处理方式' }]}
            >
              <Select
                data-testid="quota-fallback"
                options={projects.QUOTA_FALLBACKS.map((v) => ({ value: v, label: projects.QUOTA_FALLBACK_LABELS[v] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="证书打印证件照"
              name="certificatePhoto"
              valuePropName="checked"
              tooltip="如骨干教师培训：结业证书上印教师在个人信息中上传的证件照"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>考核</Typography.Title>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="集中学习权重（%）" name="onsiteWeight" rules={[{ required: true }]}>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: '100%' }}
                onChange={(v) => form.setFieldValue('onlineWeight', 100 - (v ?? 0))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              label="网络学习权重（%）"
              name="onlineWeight"
              dependencies={['onsiteWeight']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    Number(v) + Number(getFieldValue('onsiteWeight')) === 100
                      ? Promise.resolve()
                      : Promise.reject(new Error('两项权重之和必须为 100')),
                }),
              ]}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="合格分数线" name="passMark" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>训后评估问题</Typography.Title>
        <Form.List name="evaluationQuestions">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
                    <Input style={{ width: 420 }} placeholder="如：培训内容是否实用？" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} initialValue="rating">
                    <Select
                      style={{ width: 120 }}
                      options={[
                        { value: 'rating', label: '评分' },
                        { value: 'text', label: '文字' },
                      ]}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除问题" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', kind: 'rating' })}>
                添加问题
              </Button>
            </div>
          )}
        </Form.List>
        <Space style={{ marginTop: 24, display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {id ? '保存' : '保存草稿'}
          </Button>
          <Button onClick={() => navigate(id ? `/admin/projects/${id}` : '/admin/projects')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
