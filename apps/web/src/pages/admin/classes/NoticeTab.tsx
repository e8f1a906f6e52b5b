import { useState } from 'react';
import { Alert, App, Button, Form, Input, List, Popconfirm, Progress, Space, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, FilePdfOutlined, PaperClipOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { classes } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { classKey } from './ClassDetailPage.tsx';
import { downloadFile, openPdf, uploadWithProgress } from '../../../api/files.ts';
import type { ClassDetail, NoticeFile } from './types.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
const MAX_MB = 10;
const size = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);

/** 开班通知: write, attach, publish; trainees see it (and print it) once published. */
export function NoticeTab({ detail }: { detail: ClassDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = detail.class.id;
  const notice = detail.class.notice;
  const [form] = Form.useForm<{ title: string; body: string; contact: string }>();
  const [dirty, setDirty] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: classKey(id) });

  const saving = useMutation({
    mutationFn: (v: { title: string; body: string; contact: string }) => call(classes.saveNotice, { params: { id }, body: v }),
    onSuccess: async () => {
      setDirty(false);
      message.success(notice.publishedAt ? '已保存，学员看到的通知已同步更新' : '已保存草稿，发布后学员才能看到');
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const save = async () => saving.mutate(await form.validateFields());
  const publishing = useMutation({
    mutationFn: () => call(classes.publishNotice, { params: { id } }),
    onSuccess: async () => {
      message.success('开班通知已发布，本班学员可在“我的专项培训”中查看和打印');
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const publish = () => publishing.mutateAsync().catch(() => undefined);
  const printPdf = async () => {
    setPrinting(true);
    try {
      await openPdf(`/api/classes/${id}/notice.pdf`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setPrinting(false);
    }
  };
  const upload = async (file: File) => {
    if (file.size > MAX_MB * 1024 * 1024) return message.error(`附件不能超过 ${MAX_MB} MB，请压缩后重新上传`);
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadWithProgress(`/api/classes/${id}/notice/files`, file, (percent) => setProgress({ name: file.name, percent }));
      message.success(`已上传“${file.name}”`);
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  const removal = useMutation({
    mutationFn: (f: NoticeFile) => call(classes.deleteNoticeFile, { params: { id, fileId: f.id } }),
    onSuccess: async (_, f) => {
      message.success(`已删除“${f.fileName}”`);
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const remove = (f: NoticeFile) => removal.mutateAsync(f).catch(() => undefined);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 860 }}>
      {notice.publishedAt ? (
        <Alert
          type="success"
          showIcon
          title={`已于 ${formatTime(notice.publishedAt)} 发布`}
          description="修改并保存后，学员看到的通知立即更新；需要时可再次发布以更新发布时间。"
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title="尚未发布"
          description="保存的内容是草稿，只有本机构能看到；发布后本班学员可在个人空间查看和打印。"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: notice.title, body: notice.body, contact: notice.contact }}
        onValuesChange={() => setDirty(true)}
      >
        <Form.Item
          name="title"
          label="通知标题"
          rules={[
            { required: true, whitespace: true, message: '请填写通知标题' },
            { max: classes.NOTICE_TITLE_MAX, message: `通知标题不能超过 ${classes.NOTICE_TITLE_MAX} 个字` },
          ]}
        >
          <Input placeholder="如：关于 2026 年小学语文骨干教师培训开班的通知" />
        </Form.Item>
        <Form.Item
          name="body"
          label="通知正文"
          rules={[{ required: true, whitespace: true, message: '请填写通知正文' }]}
          extra="写明报到时间、地点、需携带的材料、食宿安排和联系人。课程安排会自动附在打印版中。"
        >
          <Input.TextArea rows={10} maxLength={classes.NOTICE_BODY_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系人及电话"
          rules={[{ max: classes.NOTICE_CONTACT_MAX, message: `联系方式不能超过 ${classes.NOTICE_CONTACT_MAX} 个字` }]}
          extra="学员在项目页面看到，远程学习无法进入或有疑问时据此联系本机构。"
        >
          <Input placeholder="如：王老师 0771-1234567（工作日 8:30–17:30）" maxLength={classes.NOTICE_CONTACT_MAX} />
        </Form.Item>
        <Space wrap>
          <Button onClick={save} loading={saving.isPending} disabled={!dirty && !!notice.title}>
            保存
          </Button>
          <Popconfirm
            title={notice.publishedAt ? '再次发布开班通知？' : '发布开班通知？'}
            description="发布后本班学员即可看到通知和附件。"
            okText="发布"
            cancelText="取消"
            onConfirm={publish}
            disabled={dirty}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={publishing.isPending}
              disabled={dirty || !notice.title}
              data-testid="publish-notice"
            >
              {notice.publishedAt ? '再次发布' : '发布'}
            </Button>
          </Popconfirm>
          <Button icon={<FilePdfOutlined />} onClick={printPdf} loading={printing} disabled={!notice.title}>
            打印预览（PDF）
          </Button>
          {dirty && <Typography.Text type="warning">有未保存的修改，请先保存再发布或打印</Typography.Text>}
        </Space>
      </Form>

      <div>
        <Typography.Title level={5}>
          <PaperClipOutlined /> 附件
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          支持 PDF、JPG、PNG、Word（docx）、Excel（xlsx），每个不超过 {MAX_MB} MB，最多 10 个；系统按文件内容识别格式。
        </Typography.Paragraph>
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          disabled={!!progress}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={!!progress}>
            上传附件
          </Button>
        </Upload>
        {progress && (
          <div style={{ maxWidth: 400, marginTop: 8 }}>
            <Typography.Text>{progress.name}</Typography.Text>
            <Progress percent={progress.percent} size="small" aria-label="上传进度" />
          </div>
        )}
        <List<NoticeFile>
          style={{ marginTop: 12 }}
          bordered
          dataSource={detail.class.files}
          locale={{ emptyText: '暂无附件' }}
          renderItem={(f) => (
            <List.Item
              actions={[
                <a
                  key="dl"
                  onClick={() =>
                    downloadFile(`/api/classes/${id}/notice/files/${f.id}`, f.fileName).catch((e: Error) => message.error(e.message))
                  }
                >
                  下载
                </a>,
                <Popconfirm
                  key="rm"
                  title={`删除附件“${f.fileName}”？`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(f)}
                >
                  <a style={{ color: '#cf1322' }}>
                    <DeleteOutlined /> 删除
                  </a>
                </Popconfirm>,
              ]}
            >
              <Space>
                <PaperClipOutlined />
                {f.fileName}
                <Tag>{size(f.size)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}
