// A little progressive enhancement; every page works without it.
document.addEventListener("DOMContentLoaded", function () {
  // Errors: move the focus to the list, so a screen reader reads it out first.
  var errors = document.getElementById("fouten");
  if (errors) { errors.focus(); }
  // A file chosen: the form fields are not used, so say so next to the button.
  var file = document.getElementById("bestand");
  if (file) {
    file.addEventListener("change", function () {
      var note = document.getElementById("bestand-keuze");
      if (!note) {
        note = document.createElement("p");
        note.id = "bestand-keuze";
        note.className = "hulp";
        note.setAttribute("aria-live", "polite");
        file.parentNode.appendChild(note);
      }
      note.textContent = file.files.length ? "Het bestand wordt gebruikt; de velden hieronder niet." : "";
    });
  }
});
