/** The storytrace web UI: one page, routed in the URL's hash. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { href, useRoute, type Route } from './router';
import { StoriesPage } from './pages/StoriesPage';
import { StoryPage } from './pages/StoryPage';
import { ComparePage } from './pages/ComparePage';
import { TracePage } from './pages/TracePage';
import { QuotesPage } from './pages/QuotesPage';
import { ArticlePage, ArticlesPage } from './pages/ArticlePages';
import './styles.css';

const NAV: Array<[string, string]> = [
  ['stories', 'Stories'],
  ['articles', 'Articles'],
  ['compare', 'Compare'],
  ['trace', 'Trace'],
  ['quotes', 'Quotes'],
];

function Page({ route }: { route: Route }) {
  const [name, id] = route.path;
  switch (name ?? 'stories') {
    case 'stories':
      return <StoriesPage />;
    case 'story':
      return <StoryPage id={id ?? ''} />;
    case 'articles':
      return <ArticlesPage />;
    case 'article':
      return <ArticlePage id={id ?? ''} />;
    case 'compare':
      return <ComparePage route={route} />;
    case 'trace':
      return <TracePage />;
    case 'quotes':
      return <QuotesPage />;
    default:
      return <p className="error">No such page.</p>;
  }
}

function App() {
  const route = useRoute();
  const current = route.path[0] ?? 'stories';
  return (
    <>
      <header className="top">
        <a className="brand" href={href(['stories'])}>storytrace</a>
        <nav>
          {NAV.map(([path, label]) => (
            <a key={path} href={href([path])} className={current === path || current === path.replace(/s$/, '') ? 'current' : ''}>{label}</a>
          ))}
        </nav>
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
