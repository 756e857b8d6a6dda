// Draws the areas of a page's map (an element `.ss-map[data-geojson]`) with Leaflet. The page
// is complete without it: the same areas and counts are in a table beside the map, so the map
// stays hidden when script, the data or Leaflet are not there.
(function () {
  'use strict';
  if (!window.L) return;
  document.querySelectorAll('.ss-map[data-geojson]').forEach(function (element) {
    fetch(element.dataset.geojson, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.features || data.features.length === 0) return;
        element.hidden = false;
        draw(element, data);
      })
      .catch(function () { /* the table beside the map says it all */ });
  });

  function draw(element, data) {
    var map = L.map(element, { scrollWheelZoom: false });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        attribution: element.dataset.attribution || '',
        maxZoom: 19,
      }).addTo(map);
    }
    var label = element.dataset.labelInitiatives || '';
    var filterBase = element.dataset.filterBase;
    var layer = L.geoJSON(data, {
      style: function (feature) {
        var district = feature.properties.kind === 'district';
        return {
          color: '#154273',
          weight: district ? 3 : 1,
          fillColor: '#154273',
          fillOpacity: feature.properties.initiatives > 0 ? 0.35 : 0.05,
        };
      },
      onEachFeature: function (feature, shape) {
        var p = feature.properties;
        // Names are people's text: set as text, never as HTML.
        var tip = document.createElement('span');
        tip.textContent = p.name + ' (' + p.code + ') · ' + label + ': ' + p.initiatives;
        shape.bindTooltip(tip, { sticky: true });
        if (filterBase) {
          shape.on('click', function () { window.location.href = filterBase + p.id; });
        }
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
  }
})();
