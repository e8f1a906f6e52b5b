import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setNavigator, setOnAuthEvent } from './api/client.ts';
import { ME_KEY } from './api/session.ts';
import { PageLoading, RequireUser, RootRedirect } from './components/guards.tsx';

const Login = lazy(() => import('./pages/public/Login.tsx'));
const Register = lazy(() => import('./pages/public/Register.tsx'));
const Forgot = lazy(() => import('./pages/public/Forgot.tsx'));
const ChangePassword = lazy(() => import('./pages/public/ChangePassword.tsx'));

const SpaceLayout = lazy(() => import('./layouts/SpaceLayout.tsx'));
const Dashboard = lazy(() => import('./pages/space/Dashboard.tsx'));
const ProfilePage = lazy(() => import('./pages/space/ProfilePage.tsx'));
const AccountPage = lazy(() => import('./pages/space/AccountPage.tsx'));
const Building = lazy(() => import('./pages/space/Building.tsx'));

const AdminLayout = lazy(() => import('./layouts/AdminLayout.tsx'));
const AdminIndex = lazy(() => import('./pages/admin/AdminIndex.tsx'));
const Teachers = lazy(() => import('./pages/admin/Teachers.tsx'));
const TeacherDetail = lazy(() => import('./pages/admin/TeacherDetail.tsx'));
const Registrations = lazy(() => import('./pages/admin/Registrations.tsx'));
const ProfileChanges = lazy(() => import('./pages/admin/ProfileChanges.tsx'));
const Outbox = lazy(() => import('./pages/admin/Outbox.tsx'));
const AdminAccounts = lazy(() => import('./pages/admin/AdminAccounts.tsx'));
const Security = lazy(() => import('./pages/admin/Security.tsx'));
const Audit = lazy(() => import('./pages/admin/Audit.tsx'));
const InstitutionHome = lazy(() => import('./pages/admin/InstitutionHome.tsx'));

/** Lets the API client redirect inside the single-page app and forget the user when the session is gone. */
function NavigatorBridge() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setNavigator((to) => navigate(to, { replace: true }));
    setOnAuthEvent((e) => {
      if (e === 'session-lost') qc.setQueryData(ME_KEY, null);
      else void qc.invalidateQueries({ queryKey: ME_KEY });
    });
  }, [navigate, qc]);
  return null;
}

const S = ({ children }: { children: ReactNode }) => <Suspense fallback={<PageLoading />}>{children}</Suspense>;

export function AppRoutes() {
  return (
    <>
      <NavigatorBridge />
      <S>
        <Routes>
          <Route path="/" element={<RootRedirect />} />
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/forgot" element={<Forgot />} />
          <Route path="/change-password" element={<ChangePassword />} />

          <Route path="/space" element={<RequireUser area="space"><SpaceLayout /></RequireUser>}>
            <Route index element={<Navigate to="home" replace />} />
            <Route path="home" element={<Dashboard />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path=":module" element={<Building />} />
          </Route>

          <Route path="/admin" element={<RequireUser area="admin"><AdminLayout /></RequireUser>}>
            <Route index element={<AdminIndex />} />
            <Route path="teachers" element={<Teachers />} />
            <Route path="teachers/:id" element={<TeacherDetail />} />
            <Route path="registrations" element={<Registrations />} />
            <Route path="profile-changes" element={<ProfileChanges />} />
            <Route path="outbox" element={<Outbox />} />
            <Route path="admin-accounts" element={<AdminAccounts />} />
            <Route path="security" element={<Security />} />
            <Route path="audit" element={<Audit />} />
            <Route path="home" element={<InstitutionHome />} />
            <Route path="account" element={<AccountPage />} />
          </Route>

          <Route path="*" element={<RootRedirect />} />
        </Routes>
      </S>
    </>
  );
}
