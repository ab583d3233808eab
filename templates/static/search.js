// The search box: Pagefind's UI over the index in pagefind/ (and the parts of a large
// archive's index it lists in parts.json), with result links made relative to wherever
// the site is served. The only script on the site; every page works without it.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI !== "function" || location.protocol === "file:") {
    return; // opened from disk: the index cannot be fetched, so no box is shown
  }
  var root = new URL("../", document.currentScript.src);
  var bundle = new URL("pagefind/", root);

  function start(parts) {
    new PagefindUI({
      element: "#search",
      baseUrl: root.pathname,
      bundlePath: bundle.pathname,
      mergeIndex: parts.map(function (part) {
        return { bundlePath: new URL(part, bundle).pathname };
      }),
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      translations: { placeholder: "Search every issue" }
    });
    var input = box.querySelector("input");
    if (input) { // a visible label, which Pagefind's box lacks
      var label = document.createElement("label");
      input.id = "search-input";
      label.htmlFor = input.id;
      label.className = "search-label";
      label.textContent = "Search";
      box.insertBefore(label, box.firstChild);
    }
  }

  fetch(new URL("parts.json", bundle))
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (parts) { start(Array.isArray(parts) ? parts : []); },
          function () { start([]); });
})();
