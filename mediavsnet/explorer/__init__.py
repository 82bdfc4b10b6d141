"""The machinery every lesson's explorer is built from: the base class (controls from specs, a
FigureWidget, a live summary), the figure's stored state, the keyboard guard, the layout, the
fields sent with a click, and the axes the plots share. No lesson's content lives here."""
