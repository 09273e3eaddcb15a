import { useState } from 'preact/hooks';
import { api, errorText } from './api.js';
import type { TokenPair } from './tokens.js';

/**
 * Sign in, or sign up (`POST /v1/auth/register/`): either gives the access and refresh tokens.
 * `notice` says why the user is here again (a sign-in that ended).
 */
export function SignIn({ onSignedIn, notice = '' }: { onSignedIn: (tokens: TokenPair) => void; notice?: string }) {
  const [mode, setMode] = useState<'in' | 'up'>('in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    const { data, error } =
      mode === 'up'
        ? await api.POST('/v1/auth/register/', { body: { email, password, ...(name && { display_name: name }) } })
        : await api.POST('/v1/auth/login/', { body: { email, password } });
    setBusy(false);
    if (data) onSignedIn(data);
    else setProblem(errorText(error, mode === 'up' ? 'Could not sign up' : 'Could not sign in'));
  };

  const title = mode === 'up' ? 'Sign up' : 'Sign in';
  return (
    <main class="sign-in">
      <h1>Atelier</h1>
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{title}</h2>
        {notice && (
          <p role="status" class="notice">
            {notice}
          </p>
        )}
        <label>
          Email
          <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            minLength={mode === 'up' ? 8 : undefined}
            autoComplete={mode === 'up' ? 'new-password' : 'current-password'}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {mode === 'up' && (
          <label>
            Display name (optional)
            <input type="text" autoComplete="nickname" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
        )}
        {problem && (
          <p role="alert" class="problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {title}
        </button>
        <button type="button" class="link" onClick={() => setMode(mode === 'up' ? 'in' : 'up')}>
          {mode === 'up' ? 'I have an account: sign in' : 'New here? Sign up'}
        </button>
      </form>
    </main>
  );
}
