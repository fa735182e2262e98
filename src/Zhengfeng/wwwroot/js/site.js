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
// <button data-insert="常用语" data-target="id"> puts the phrase into the text box at the cursor (the rest is the clerk's own words).
document.addEventListener('click', e => {
    const button = e.target.closest('[data-insert]');
    const box = button && document.getElementById(button.dataset.target);
    if (!box) { return; }
    const at = box.selectionStart ?? box.value.length;
    box.value = box.value.slice(0, at) + button.dataset.insert + box.value.slice(box.selectionEnd ?? at);
    box.focus();
    box.selectionStart = box.selectionEnd = at + button.dataset.insert.length;
});
// <input data-filter="id"> shows only the options and labels inside #id whose text contains what is typed.
document.addEventListener('input', e => {
    const list = e.target.dataset && e.target.dataset.filter && document.getElementById(e.target.dataset.filter);
    if (!list) { return; }
    const words = e.target.value.trim();
    list.querySelectorAll('option, label').forEach(item => { item.hidden = words !== '' && !item.textContent.includes(words); });
});
// <button data-pick="value" data-target="id"> chooses that value in the select #id (a usual unit in one click).
document.addEventListener('click', e => {
    const button = e.target.closest('[data-pick]');
    const select = button && document.getElementById(button.dataset.target);
    if (select) { select.value = button.dataset.pick; select.dispatchEvent(new Event('change')); }
});
