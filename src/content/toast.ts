/** A short notice in the page (for the keyboard shortcuts, which have no popup): in a closed shadow root, gone in 3 s. */
export function showToast(message: string, kind: 'ok' | 'error'): void {
  const host = document.createElement('qingdu-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.textContent = message;
  const style = document.createElement('style');
  style.textContent = `div{position:fixed;z-index:2147483647;top:16px;right:16px;max-width:360px;padding:10px 16px;border-radius:8px;
    font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#fff;
    background:${kind === 'ok' ? '#1a6179' : '#b42318'};box-shadow:0 4px 16px rgba(0,0,0,.25)}`;
  root.append(style, box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 3000);
}
