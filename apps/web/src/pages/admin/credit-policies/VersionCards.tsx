// 当前生效版本 and 版本历史: which version is in force, every published one, and a viewer that can load
// an old version into the editor (to publish it again, or to start from it).
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Modal, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { creditPolicies as c } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { type Doc, pretty } from './draft.ts';
import type { PolicyDocument, PolicyVersionRow } from './types.ts';

export const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', fontSize: 13 };

interface Props {
  active: PolicyDocument;
  versions: PolicyVersionRow[];
  loadingVersions: boolean;
  onLoad: (doc: Doc) => void;
  onRecompute: () => void;
  recomputing: boolean;
}

export function VersionCards({ active: a, versions, loadingVersions, onLoad, onRecompute, recomputing }: Props) {
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<PolicyDocument | null>(null);
  const openVersion = async (v: number) => {
    try {
      setViewing(await call(c.version, { params: { version: v } }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
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
                onConfirm={onRecompute}
              >
                <Button size="small" loading={recomputing}>
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
              loading={loadingVersions}
              dataSource={versions}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              data-testid="policy-versions"
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
              if (viewing) onLoad(viewing.document);
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
    </>
  );
}
