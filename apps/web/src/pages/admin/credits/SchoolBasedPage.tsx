// 校本研修认定 (school admin): "谁组织、谁认定" — the school certifies its own school-based study,
// one entry at a time or by spreadsheet, and sees what it has certified.
import { Card, Col, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { SchoolBasedForm } from './SchoolBasedForm.tsx';
import { SchoolBasedImport } from './SchoolBasedImport.tsx';
import { SCHOOL_BASED_KEY, SchoolBasedList } from './SchoolBasedList.tsx';

export default function SchoolBasedPage() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: SCHOOL_BASED_KEY });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="单条认定" className="page-card">
            <SchoolBasedForm onPosted={refresh} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="表格导入" className="page-card">
            <SchoolBasedImport onImported={refresh} />
          </Card>
        </Col>
      </Row>
      <Card title="本校校本研修记录" className="page-card">
        <SchoolBasedList />
      </Card>
    </>
  );
}
