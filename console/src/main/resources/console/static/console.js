// Progressive enhancement only: every page reads without JavaScript.
// Copy buttons: <button data-copy="#id"> copies the text of the element it names.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) {
        return;
    }
    var status = document.getElementById(button.getAttribute('aria-describedby'));
    var done = function (message) {
        if (status) {
            status.textContent = message;
        }
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(function () {
            done('Copied.');
        }, function () {
            done('Copying failed: select the text and copy it.');
        });
    } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        done(document.execCommand('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.');
    }
});
// Copy buttons are hidden until JavaScript can run them.
document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
});
// Once a form is sent, the self-refreshing parts stop asking: a refresh must not cut the submission short.
var submitting = false;
document.addEventListener('submit', function () {
    submitting = true;
});
document.addEventListener('htmx:beforeRequest', function (event) {
    if (submitting) {
        event.preventDefault();
    }
});
