import { Card, Result } from 'antd';
import { useMe } from '../../api/session.ts';

export default function InstitutionHome() {
  const me = useMe().data;
  return (
    <Card title={me?.scope.institutionName ?? '首页'}>
      <Result
        status="info"
        title="建设中"
        subTitle="承培机构的班级管理（开班通知、课程安排、签到、成绩录入）正在建设中，上线后将在这里显示分配给本机构的班级。"
        data-testid="building"
      />
    </Card>
  );
}
