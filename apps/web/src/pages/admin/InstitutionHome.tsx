import { Navigate } from 'react-router-dom';

/** The institution's old landing page: its work is in 我的班级 now. */
export default function InstitutionHome() {
  return <Navigate to="/admin/classes" replace />;
}
