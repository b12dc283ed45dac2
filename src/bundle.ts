// The one bundle both steps load (ncc -> dist/lib): dist/index.js calls runMain, dist/post.js
// calls runPost. One bundle, so the lazily loaded chunks of the two steps are shared, not copied.
export { runMain } from './index.js'
export { runPost } from './post.js'
