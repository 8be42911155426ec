/**
 * Where the web editor at /admin/ saves on the published site: the bureau's own git server.
 * Decap CMS supports Gitea (and Forgejo), GitLab and GitHub; the README ("Web editor") gives the
 * steps for each (an OAuth application, its client id here). On an editor's own machine
 * (`npm run admin`) this is not used: the editor saves through the local server into the local
 * repository.
 */
export interface CmsBackend {
  /** `gitea`, `gitlab` or `github`. */
  name: 'gitea' | 'gitlab' | 'github';
  /** `owner/repository` on that server. */
  repo: string;
  /** The branch the site is built from. */
  branch: string;
  /** The git server's address (for Gitea and GitLab: the bureau's own server). */
  base_url?: string;
  /** The server's API (Gitea: `<base_url>/api/v1`, GitLab: `<base_url>/api/v4`). */
  api_root?: string;
  /** The OAuth application's client id (Gitea, GitLab with PKCE). */
  app_id?: string;
  /** GitLab: `pkce` (no server of our own needed). */
  auth_type?: 'pkce';
  /** The authorisation endpoint (Gitea: `<base_url>/login/oauth/authorize`; GitHub: the OAuth proxy's path). */
  auth_endpoint?: string;
}

export const CMS_BACKEND: CmsBackend = {
  name: 'gitea',
  repo: 'jiaoyuju/yangwang',
  branch: 'main',
  base_url: 'https://git.example.org',
  api_root: 'https://git.example.org/api/v1',
  auth_endpoint: 'https://git.example.org/login/oauth/authorize',
  app_id: 'yangwang-cms',
};

/** Where the web editor is served (written into dist/ by src/integrations/admin.ts): not a page of the site. */
export const ADMIN_PATH = '/admin/';
