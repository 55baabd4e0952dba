// Draws a page's map: the world's countries from the embedded world atlas as the only base
// layer (no tiles, nothing from outside this site), the page's country highlighted, its ports
// as circle markers linking to their pages, and countries filled in by what the page says of
// them (an organization's members), each with a tooltip written as text. Reads what to draw
// from the JSON in `#map-data`; the map only repeats what the page says in text, so failing
// here hides it.
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
  var member = { color: "#ffffff", weight: 0.6, fillColor: "#0b5c8c", fillOpacity: 0.85 };
  var unrecorded = { color: "#ffffff", weight: 0.6, fillColor: "#8fb8d3", fillOpacity: 0.85 };

  var filled = {};
  (spec.fill || []).forEach(function (country) {
    filled[country.numeric] = country;
  });

  // Leaflet reads a string tooltip as HTML; an element filled as text keeps a name inert.
  function textLabel(text) {
    var label = document.createElement("span");
    label.textContent = text;
    return label;
  }

  function style(feature) {
    var country = filled[feature.id];
    if (country) return country.recorded ? member : unrecorded;
    return spec.highlight && feature.id === spec.highlight ? home : land;
  }

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
    circle.bindTooltip(textLabel(marker.name));
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
        interactive: Object.keys(filled).length > 0,
        style: function (feature) {
          // A map coloured by level (advisories) takes the colour the page gives each country.
          var colour = spec.colours && spec.colours[feature.id];
          if (!colour) return style(feature);
          var base = spec.highlight && feature.id === spec.highlight ? home : land;
          return { color: base.color, weight: base.weight, fillColor: colour, fillOpacity: 0.9 };
        },
        onEachFeature: function (feature, shape) {
          if (spec.highlight && feature.id === spec.highlight) highlighted = shape;
          var country = filled[feature.id];
          if (country) shape.bindTooltip(textLabel(country.name + " · " + country.status), { sticky: true });
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
