import { useParams } from 'react-router-dom';
import { Card, Result } from 'antd';
import { MODULE_PLANS, SPACE_MENU } from '../../layouts/menus.tsx';

/** Modules not built yet say so honestly; no sample data. */
export default function Building() {
  const { module = '' } = useParams();
  const entry = SPACE_MENU.find((m) => m.path === module);
  if (!entry) return <Result status="404" title="页面不存在" subTitle="请从菜单选择功能。" />;
  return (
    <Card title={entry.label}>
      <Result
        status="info"
        title="建设中"
        subTitle={
          <>
            “{entry.label}”功能正在建设中，上线后将在这里提供：
            <br />
            {MODULE_PLANS[module] ?? ''}
          </>
        }
        data-testid="building"
      />
    </Card>
  );
}
