import { useState } from 'react';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { profile } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { PROFILE_KEY } from './useProfile.ts';

const MAX = 2 * 1024 * 1024;

/** 证书照片 / 修改头像: JPEG or PNG up to 2 MB, shown from the server after upload. */
export function PhotoTab({ kind, has }: { kind: 'cert' | 'avatar'; has: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [version, setVersion] = useState(() => Date.now());
  const label = kind === 'cert' ? '证书照片' : '头像';
  const send = useMutation({
    mutationFn: (fd: FormData) => call(profile.uploadPhoto, { params: { kind }, body: fd }),
    onSuccess: async () => {
      message.success(`${label}已上传`);
      setVersion(Date.now());
      await qc.invalidateQueries({ queryKey: PROFILE_KEY });
    },
    onError: (e) => message.error(e.message),
  });

  const upload = async (file: File) => {
    if (!['image/jpeg', 'image/png'].includes(file.type)) {
      message.error('只能上传 JPG 或 PNG 格式的图片');
      return;
    }
    if (file.size > MAX) {
      message.error('图片不能超过 2 MB');
      return;
    }
    const fd = new FormData();
    fd.append('file', file);
    send.mutate(fd);
  };

  return (
    <Space align="start" size={32} wrap>
      <div className={`photo-box${kind === 'avatar' ? ' avatar' : ''}`} data-testid={`photo-${kind}`}>
        {has ? <img src={`/api/profile/photos/${kind}?v=${version}`} alt={`当前${label}`} /> : <span>尚未上传</span>}
      </div>
      <Space orientation="vertical" style={{ maxWidth: 460 }}>
        {kind === 'cert' ? (
          <Alert
            type="info"
            showIcon
            title="照片要求"
            description="一寸蓝底免冠证件照片，不要使用全身照片。部分培训项目的合格证书（如骨干教师培训）需要打印照片，请第一时间按要求上传。"
          />
        ) : (
          <Typography.Paragraph>上传个人头像，将显示在个人空间中。</Typography.Paragraph>
        )}
        <Typography.Text type="secondary">支持 JPG、PNG 格式，大小不超过 2 MB。</Typography.Text>
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={send.isPending}>
            {has ? `重新上传${label}` : `上传${label}`}
          </Button>
        </Upload>
      </Space>
    </Space>
  );
}
