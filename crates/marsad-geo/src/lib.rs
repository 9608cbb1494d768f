//! Marsad's offline gazetteer and context-aware geocoder.
