// Draws a page's map: the world's countries from the embedded world atlas as the only base
// layer (no tiles, nothing from outside this site), the page's country highlighted, and its
// ports as circle markers linking to their pages. Reads what to draw from the JSON in
// `#map-data`; the map only repeats what the page says in text, so failing here hides it.
(function () {
  "use strict";

  var section = document.getElementById("map-section");
  var container = document.getElementById("map");
  var data = document.getElementById("map-data");
  if (!section || !container || !data || !window.L || !window.topojson || !window.fetch) return;

  var spec;
  try {
    spec = JSON.parse(data.textContent);
  } catch (error) {
    return;
  }

  var land = { color: "#b3c0cb", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };
  var home = { color: "#a0793a", weight: 1, fillColor: "#f6e2b3", fillOpacity: 1 };

  section.hidden = false;
  var map = L.map(container, {
    worldCopyJump: true,
    zoomSnap: 0.5,
    minZoom: 1,
    maxZoom: 12,
    attributionControl: true
  });
  map.attributionControl.addAttribution("Natural Earth");
  map.setView([20, 0], 1.5);

  var markers = L.featureGroup();
  spec.markers.forEach(function (marker) {
    var circle = L.circleMarker([marker.lat, marker.lon], {
      radius: marker.main ? 9 : 6,
      color: "#ffffff",
      weight: 2,
      fillColor: marker.main ? "#b3261e" : "#0b5c8c",
      fillOpacity: 0.9
    });
    var link = document.createElement("a");
    link.href = marker.href;
    link.textContent = marker.name;
    // Leaflet reads a string tooltip as HTML; an element filled as text keeps a name inert.
    var label = document.createElement("span");
    label.textContent = marker.name;
    circle.bindTooltip(label);
    circle.bindPopup(link);
    markers.addLayer(circle);
  });

  function frame(countryLayer) {
    var count = spec.markers.length;
    if (count > 1) {
      map.fitBounds(markers.getBounds(), { padding: [24, 24], maxZoom: 9 });
    } else if (count === 1) {
      map.setView([spec.markers[0].lat, spec.markers[0].lon], 7);
    } else if (countryLayer && countryLayer.getBounds().isValid()) {
      map.fitBounds(countryLayer.getBounds(), { padding: [16, 16] });
    }
  }

  fetch(spec.atlas)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (atlas) {
      var countries = topojson.feature(atlas, atlas.objects.countries);
      var highlighted = null;
      var layer = L.geoJSON(countries, {
        interactive: false,
        style: function (feature) {
          var fill = spec.colours && spec.colours[feature.id];
          var base = spec.highlight && feature.id === spec.highlight ? home : land;
          return fill ? { color: base.color, weight: base.weight, fillColor: fill, fillOpacity: 0.9 } : base;
        },
        onEachFeature: function (feature, shape) {
          if (spec.highlight && feature.id === spec.highlight) highlighted = shape;
        }
      }).addTo(map);
      layer.bringToBack();
      markers.addTo(map);
      frame(highlighted);
    })
    .catch(function () {
      markers.addTo(map);
      frame(null);
    });
})();
