import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { storeTokens, storedRefreshToken, storedToken, whenSessionEnds } from './tokens.js';
import { SignIn } from './sign-in.js';
import { Chat } from './chat.js';
import { Gallery } from './gallery.js';
import { Usage } from './usage.js';

type Screen = 'chat' | 'gallery' | 'usage';

/** The screen named by the address's hash (`#/gallery`, `#/gallery/<image id>`): real links, the back button works. */
function screenOf(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return name === 'gallery' || name === 'usage' ? name : 'chat';
}

function App() {
  const [signedIn, setSignedIn] = useState(storedToken() !== undefined);
  const [notice, setNotice] = useState('');
  const [screen, setScreen] = useState<Screen>(screenOf(location.hash));
  useEffect(() => {
    const onHash = () => setScreen(screenOf(location.hash));
    addEventListener('hashchange', onHash);
    // A refresh that failed: the tokens are gone, back to the sign-in screen saying why.
    whenSessionEnds(() => {
      setNotice('Your session ended; sign in again');
      setSignedIn(false);
    });
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (!signedIn) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(tokens) => {
          storeTokens(tokens);
          setNotice('');
          setSignedIn(true);
        }}
      />
    );
  }
  const signOut = async () => {
    const refreshToken = storedRefreshToken();
    try {
      // Revokes this sign-in's refresh tokens; the access token lasts until it expires.
      if (refreshToken) await api.POST('/v1/auth/logout/', { body: { refresh_token: refreshToken } });
    } finally {
      // Signed out here even when the server could not be reached.
      storeTokens(undefined);
      setSignedIn(false);
    }
  };
  return (
    <>
      <header class="top">
        <h1>Atelier</h1>
        <nav aria-label="Main">
          {(['chat', 'gallery', 'usage'] as const).map((name) => (
            <a href={`#/${name}`} aria-current={screen === name ? 'page' : undefined}>
              {name[0]?.toUpperCase() + name.slice(1)}
            </a>
          ))}
        </nav>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {screen === 'chat' && <Chat />}
        {screen === 'gallery' && <Gallery />}
        {screen === 'usage' && <Usage />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
