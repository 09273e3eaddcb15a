import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { storeToken, storedToken } from './api.js';
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
  const [token, setToken] = useState(storedToken());
  const [screen, setScreen] = useState<Screen>(screenOf(location.hash));
  useEffect(() => {
    const onHash = () => setScreen(screenOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (!token) {
    return (
      <SignIn
        onSignedIn={(value) => {
          storeToken(value);
          setToken(value);
        }}
      />
    );
  }
  const signOut = () => {
    storeToken(undefined);
    setToken(undefined);
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
        {screen === 'chat' && <Chat token={token} />}
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
