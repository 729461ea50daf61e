import { getSession } from '../api/auth.ts';
import { PlainHeader } from '../components/PlainHeader.tsx';
import { useSession } from '../session.tsx';
import { ChangePassword } from './ChangePassword.tsx';

/** The only page of an account whose password someone else chose, until it chooses its own. */
export function FirstPassword() {
  const { signIn, signOut } = useSession();
  // The session stays (only other devices are signed out): reading it again lifts the block.
  const carryOn = () => void getSession().then((session) => session && signIn(session));
  return (
    <div className="signin-page">
      <PlainHeader />
      <main id="main" className="main main-narrow" tabIndex={-1}>
        <div className="panel">
          <ChangePassword first onChanged={carryOn} />
          <p className="small-print">
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </p>
        </div>
      </main>
    </div>
  );
}
