import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Form, Input, Result, Select } from 'antd';
import { auth, regions, type ResponseOf } from '@shixun/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { checkIdNumber, normalizeIdNumber, PHONE_RE } from '@shixun/domain';
import { call } from '../../api/call.ts';
import { ApiError } from '../../api/client.ts';
import { usePublicConfig } from '../../api/session.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { confirmRules, newPasswordRules, policyHint } from '../../components/passwordRules.ts';

interface Values {
  idNumber: string;
  name: string;
  phone: string;
  cityCode?: string;
  countyCode?: string;
  schoolId?: number;
  password: string;
  confirm: string;
  challengeAnswer?: string;
}

export default function Register() {
  const [form] = Form.useForm<Values>();
  const cfg = usePublicConfig();
  const policy = cfg.data?.passwordPolicy;
  const cityCode = Form.useWatch('cityCode', form);
  const countyCode = Form.useWatch('countyCode', form);
  const [error, setError] = useState<string | null>(null);
  /** After a few registrations from one network the server asks a question first (428). */
  const [challenge, setChallenge] = useState<ResponseOf<typeof auth.challenge> | null>(null);

  const newChallenge = async () => {
    form.setFieldsValue({ challengeAnswer: undefined });
    try {
      setChallenge(await call(auth.challenge));
    } catch (e) {
      setChallenge(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const cities = useQuery({
    queryKey: ['public-regions', cfg.data?.provinceCode],
    queryFn: () => call(regions.publicRegions, { query: { parent: cfg.data?.provinceCode } }),
    enabled: !!cfg.data,
  });
  const counties = useQuery({
    queryKey: ['public-regions', cityCode],
    queryFn: () => call(regions.publicRegions, { query: { parent: cityCode } }),
    enabled: !!cityCode,
  });
  const schools = useQuery({
    queryKey: ['public-schools', countyCode],
    queryFn: () => call(regions.publicSchools, { query: { countyCode: countyCode ?? '' } }),
    enabled: !!countyCode,
  });

  const submit = useMutation({
    mutationFn: (v: Values) =>
      call(auth.register, {
        body: {
          idNumber: normalizeIdNumber(v.idNumber),
          name: v.name.trim(),
          phone: v.phone.trim(),
          schoolId: v.schoolId,
          password: v.password,
          ...(challenge ? { challengeId: challenge.id, challengeAnswer: v.challengeAnswer?.trim() } : {}),
        },
      }),
    onMutate: () => setError(null),
    onError: async (e) => {
      if (e instanceof ApiError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      }
      setError(e.message);
      // a question is good for one submission: asked for one, or used one up, get the next
      if ((e instanceof ApiError && e.status === 428) || challenge) await newChallenge();
    },
  });
  const busy = submit.isPending;
  const onFinish = (v: Values) => submit.mutate(v);

  if (submit.isSuccess)
    return (
      <PublicShell title="注册账号" wide>
        <Result
          status="success"
          title="注册申请已提交"
          subTitle="您的账号正在等待本校校级管理员审核，审核通过后即可使用证件号或手机号登录。如长时间未通过，请联系校级管理员。"
          extra={
            <Link to="/login">
              <Button type="primary">返回登录</Button>
            </Link>
          }
        />
      </PublicShell>
    );

  return (
    <PublicShell title="注册账号" wide>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="如果提示“手机号/证件号已存在”，说明您已有平台账号，无需注册，可点击忘记密码找回，或联系校级管理员重置密码。"
      />
      <Form form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item
          label="证件号"
          name="idNumber"
          rules={[
            { required: true, whitespace: true, message: '请输入证件号' },
            {
              validator: async (_r, v: string | undefined) => {
                if (!v) return;
                const why = checkIdNumber(v);
                if (why) throw new Error(why);
              },
            },
          ]}
        >
          <Input placeholder="18 位居民身份证号码" maxLength={18} />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input placeholder="与身份证一致，不使用同音字或曾用名" />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="phone"
          rules={[
            { required: true, message: '请输入手机号' },
            { pattern: PHONE_RE, message: '请输入 11 位手机号码' },
          ]}
        >
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item label="所在市" name="cityCode" rules={[{ required: true, message: '请选择所在市' }]}>
          <Select
            placeholder="请选择市"
            loading={cities.isLoading}
            options={cities.data?.items.map((r) => ({ value: r.code, label: r.name }))}
            onChange={() => form.setFieldsValue({ countyCode: undefined, schoolId: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label="所在区县" name="countyCode" rules={[{ required: true, message: '请选择所在区县' }]}>
          <Select
            placeholder={cityCode ? '请选择区县' : '请先选择市'}
            disabled={!cityCode}
            loading={counties.isLoading}
            options={counties.data?.items.map((r) => ({ value: r.code, label: r.name }))}
            onChange={() => form.setFieldsValue({ schoolId: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          label="学校"
          name="schoolId"
          rules={[{ required: true, message: '请选择学校' }]}
          extra="单位须与学校公章名称一致；找不到学校请联系区县管理员。"
        >
          <Select
            placeholder={countyCode ? '请选择学校' : '请先选择区县'}
            disabled={!countyCode}
            loading={schools.isLoading}
            options={schools.data?.items.map((s) => ({ value: s.id, label: s.name }))}
            notFoundContent={schools.isFetched ? '该区县暂无学校' : undefined}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={newPasswordRules(policy, 'set')} extra={policyHint(policy)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认密码" name="confirm" dependencies={['password']} rules={confirmRules(form, 'password', 'set')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {challenge && (
          <Form.Item
            label={challenge.question}
            name="challengeAnswer"
            rules={[
              { required: true, whitespace: true, message: '请回答验证题' },
              { pattern: /^\s*-?\d+\s*$/, message: '请填写数字' },
            ]}
            extra={
              <span>
                同一网络多次提交注册，需要回答验证题后再提交。
                <Button type="link" size="small" onClick={newChallenge} style={{ padding: 0 }}>
                  换一题
                </Button>
              </span>
            }
          >
            <Input
              placeholder="请填写计算结果（数字）"
              inputMode="numeric"
              maxLength={6}
              aria-label="验证题答案"
              data-testid="challenge-answer"
            />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          提交
        </Button>
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          已有账号？<Link to="/login">返回登录</Link>
        </div>
      </Form>
    </PublicShell>
  );
}
