const { src, dest, parallel } = require('gulp');

// tsc does not copy assets; n8n resolves `icon: 'file:…'` next to the compiled file.
function copyNodeIcons() {
	return src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
}

function copyCredentialIcons() {
	return src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));
}

exports['build:icons'] = parallel(copyNodeIcons, copyCredentialIcons);
