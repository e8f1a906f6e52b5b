import { App, AutoComplete, Form, Modal, Select } from 'antd';
import { enrollments, type BodyOf } from '@shixun/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { Project } from './types.ts';

/** 分配至承培机构: the picked approved trainees go to a class (an existing one, or a new name). */
export function AssignModal({
  project,
  enrollmentIds,
  open,
  onClose,
  onDone,
}: {
  project: Project;
  enrollmentIds: number[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ institutionId: number; className: string }>();
  const assign = useMutation({
    mutationFn: (body: BodyOf<typeof enrollments.assignTrainees>) => call(enrollments.assignTrainees, { params: { id: project.id }, body }),
  });
  const classes = useQuery({
    queryKey: ['project-classes', project.id],
    queryFn: () => call(enrollments.projectClasses, { params: { id: project.id } }),
    enabled: open,
  });
  const inst = Form.useWatch('institutionId', form);
  return (
    <Modal
      title={`分配 ${enrollmentIds.length} 名学员至承培机构`}
      open={open}
      onCancel={onClose}
      okText="分配"
      cancelText="取消"
      confirmLoading={assign.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          const r = await assign.mutateAsync({ enrollmentIds, institutionId: v.institutionId, className: v.className.trim() });
          message.success(`已将 ${r.assigned} 名学员分配至 ${r.institutionName}（${r.className}）`);
          onDone();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ institutionId: project.institutions[0]?.id }}>
        <Form.Item label="承培机构" name="institutionId" rules={[{ required: true, message: '请选择承培机构' }]}>
          <Select options={project.institutions.map((i) => ({ value: i.id, label: i.name }))} placeholder="本项目的承培机构" />
        </Form.Item>
        <Form.Item
          label="班级"
          name="className"
          rules={[{ required: true, whitespace: true, message: '请填写或选择班级' }, { max: enrollments.CLASS_NAME_MAX }]}
          extra="可选已有班级，或输入新班级名称（将在所选机构下新建）"
        >
          <AutoComplete
            options={(classes.data?.items ?? [])
              .filter((c) => !inst || c.institutionId === inst)
              .map((c) => ({ value: c.name, label: `${c.name}（${c.institutionName}，${c.trainees} 人）` }))}
            placeholder="如：一班"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
