/** Saves a file the API answered with under the name the server gave (Content-Disposition), as the browser's download. */
export function saveDownload(blob: Blob, contentDisposition: string | null, fallbackName: string): void {
  const name = /filename\*=UTF-8''([^;]+)/.exec(contentDisposition ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
