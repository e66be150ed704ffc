/**
 * How Microsoft Teams hosts an Adaptive Card, in its light and dark themes, close enough for a screenshot
 * to read like Teams: its spacing, font sizes, six actions at most, and its colours per container style.
 */
export type TeamsTheme = "light" | "dark";

const colors = (base: string) => ({
  default: { default: base, subtle: "#616161" },
  dark: { default: "#242424", subtle: "#616161" },
  light: { default: "#FFFFFF", subtle: "#F3F2F1" },
  accent: { default: "#5B5FC7", subtle: "#7F85F5" },
  good: { default: "#237B4B", subtle: "#2E8B57" },
  warning: { default: "#835C00", subtle: "#A47A00" },
  attention: { default: "#C4314B", subtle: "#D1485F" },
});

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: colors("#242424") });

export const TEAMS_HOST_CONFIG: Record<string, unknown> = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', system-ui, 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E0E0E0" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: style("#FFFFFF"),
    emphasis: style("#F5F5F5"),
    accent: style("#E8EBFA"),
    good: style("#E7F2DA"),
    warning: style("#FBF6D9"),
    attention: style("#FCF4F6"),
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16, style: "emphasis" },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: {
      color: "default",
      size: "default",
      isSubtle: false,
      weight: "bolder",
      wrap: true,
      maxWidth: 150,
    },
    value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 2 },
};

/** The chat around the card: Teams' canvas, a message bubble, and its buttons. */
export const TEAMS_CHAT_CSS = `
body { margin: 0; padding: 24px; background: #F5F5F5; font-family: 'Segoe UI', system-ui, Arial, sans-serif; }
#bubble { width: 480px; background: #FFFFFF; border-radius: 6px; overflow: hidden;
  box-shadow: 0 1px 2px rgba(0,0,0,0.14), 0 0 2px rgba(0,0,0,0.12); }
.ac-adaptiveCard p { margin: 0; }
.ac-textBlock ul, .ac-textBlock ol { box-sizing: border-box; margin: 0; padding-left: 20px; }
.ac-pushButton { background: #FFFFFF; color: #242424; border: 1px solid #D1D1D1; border-radius: 4px;
  font: 600 14px 'Segoe UI', system-ui, Arial, sans-serif; min-height: 32px; padding: 5px 12px; cursor: pointer; }
.ac-pushButton.style-positive { background: #5B5FC7; color: #FFFFFF; border-color: #5B5FC7; }
.ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
a.ac-anchor { color: #5B5FC7; }
/* Buttons that do not fit on one line go to the next, as a narrow Teams window shows them. */
.ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
`;

/** Teams' dark theme: light text on its dark greys; the same layout. */
const darkColors = {
  default: { default: "#FFFFFF", subtle: "#ADADAD" },
  dark: { default: "#D6D6D6", subtle: "#ADADAD" },
  light: { default: "#FFFFFF", subtle: "#D6D6D6" },
  accent: { default: "#7F85F5", subtle: "#9299F7" },
  good: { default: "#92C353", subtle: "#6BB700" },
  warning: { default: "#FFC83D", subtle: "#E5B338" },
  attention: { default: "#F1707B", subtle: "#E37D80" },
};
const darkStyle = (backgroundColor: string) => ({ backgroundColor, foregroundColors: darkColors });

export const TEAMS_DARK_HOST_CONFIG: Record<string, unknown> = {
  ...TEAMS_HOST_CONFIG,
  separator: { lineThickness: 1, lineColor: "#3D3D3D" },
  containerStyles: {
    default: darkStyle("#292929"),
    emphasis: darkStyle("#333333"),
    accent: darkStyle("#2F2F4A"),
    good: darkStyle("#1E3A1E"),
    warning: darkStyle("#3D3420"),
    attention: darkStyle("#3E1F25"),
  },
};

export const TEAMS_DARK_CHAT_CSS = `${TEAMS_CHAT_CSS}
body { background: #1F1F1F; }
#bubble { background: #292929; box-shadow: 0 1px 2px rgba(0,0,0,0.5), 0 0 2px rgba(0,0,0,0.4); }
.ac-pushButton { background: #292929; color: #FFFFFF; border-color: #666666; }
.ac-pushButton.style-positive { background: #5B5FC7; color: #FFFFFF; border-color: #5B5FC7; }
.ac-pushButton.style-destructive { color: #F1707B; border-color: #F1707B; }
a.ac-anchor { color: #7F85F5; }
`;

/** The host config and the chat's CSS of a theme. */
export function teamsTheme(theme: TeamsTheme): { hostConfig: Record<string, unknown>; css: string } {
  return theme === "dark"
    ? { hostConfig: TEAMS_DARK_HOST_CONFIG, css: TEAMS_DARK_CHAT_CSS }
    : { hostConfig: TEAMS_HOST_CONFIG, css: TEAMS_CHAT_CSS };
}
