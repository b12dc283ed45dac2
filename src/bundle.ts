// The one bundle both steps load (ncc -> dist/lib): dist/index.js calls runMain, dist/post.js
// calls runPost. One bundle, so the lazily loaded chunks of the two steps are shared, not copied.
// Each step is a lazy chunk of its own, so the post step never reads the main step's code.
export async function runMain(): Promise<void> {
  await (await import('./index.js')).runMain()
}

export async function runPost(): Promise<void> {
  await (await import('./post.js')).runPost()
}
