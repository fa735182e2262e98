// Behaviour the pages declare in attributes, since the Content-Security-Policy allows no inline script:
// <button data-print> prints the page; <form data-confirm="…"> asks before it is sent.
// A script that posts to /api/v1 with the sign-in cookie sends the token of <meta name="csrf-token"> as X-CSRF-TOKEN.
document.addEventListener('click', e => {
    if (e.target.closest('[data-print]')) { window.print(); }
});
document.addEventListener('submit', e => {
    const message = e.target.dataset && e.target.dataset.confirm;
    if (message && !window.confirm(message)) { e.preventDefault(); }
});
