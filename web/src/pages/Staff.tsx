import { listStaff } from '../api/staff.ts';
import { ErrorView, Forbidden, Loading } from '../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../hooks.ts';
import { siteNames, useLocationNames } from '../sites.ts';
import { Link } from '../router.tsx';
import { ROLE_LABEL, useUser } from '../session.tsx';

export function StaffList() {
  usePageTitle('Staff');
  const user = useUser();
  const names = useLocationNames();
  const allowed = user.can.manageStaff;
  const [staff] = useResource(() => (allowed ? listStaff() : Promise.resolve([])), [allowed]);
  if (!allowed) return <Forbidden />;
  if (staff.status === 'loading') return <Loading />;
  if (staff.status === 'error') return <ErrorView error={staff.error} missingIsUnavailable="Staff" />;
  const people = [...staff.data].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <>
      <div className="page-head">
        <h1>Staff</h1>
        <p className="lead">{people.length} accounts</p>
        {user.can.manageStaff ? (
          <Link to="/staff/new" className="button">
            Add a staff account
          </Link>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sites</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <th scope="row">{person.displayName}</th>
                <td>{person.email}</td>
                <td>{ROLE_LABEL[person.role] ?? person.role}</td>
                <td>{person.role === 'admin' ? 'All sites' : siteNames(person.locationIds, names)}</td>
                <td>
                  {person.disabled ? (
                    <span className="badge badge-neutral">Disabled</span>
                  ) : (
                    <span className="badge badge-success">Active</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
