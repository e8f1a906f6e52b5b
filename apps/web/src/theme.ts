import type { ThemeConfig } from 'antd';

// Colours that read at 4.5:1 or better (WCAG 2.1 AA 1.4.3; GB/T 37668 and its 适老化 guidance: many users are older
// teachers). antd's defaults are lighter: grey text #8c8c8c is 3.4:1 on white, placeholders #bfbfbf 1.8:1, links
// #1677ff 4.1:1, red #ff4d4f 3.3:1, the light tags' green/orange 3.4:1. The hues stay; only the shades go darker.
// Checked by e2e/a11y.e2e.ts (axe-core on every page of every menu).

/** Blue of buttons, links and the selected menu entry: 5.2:1 on white, 4.6:1 on the light blue of a tag. */
const BLUE = '#1668dc';
/** Hover and focus go darker, not lighter: antd's lighter hover blue is 3.6:1 under white text. */
const BLUE_HOVER = '#1456c0';
/** Secondary text (descriptions, hints, labels of statistics, empty states): #666 on white, 5.7:1; 5.0:1 on #f0f0f0. */
const GREY = 'rgba(0, 0, 0, 0.6)';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    colorPrimaryHover: BLUE_HOVER,
    colorInfo: BLUE,
    colorLink: BLUE,
    colorLinkHover: BLUE_HOVER,
    // red text (form errors, 撤回, 未通过): #cf1322 is 5.6:1 on white, 4.8:1 on the light red of an alert
    colorError: '#cf1322',
    // green and orange words (Typography type="success" / "warning"): 5.4:1 and 5.2:1 instead of 2.3:1 and 1.9:1
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorTextTertiary: GREY,
    colorTextDescription: GREY,
    // a placeholder is a hint users must read: 5.0:1, still lighter than typed text (0.88)
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // the halo of a focused input, select or date field: visible (antd's is a faint 10% blue)
    controlOutline: 'rgba(22, 104, 220, 0.35)',
    borderRadius: 6,
  },
  components: {
    // the light tags' text takes the next darker shade of the same hue (e.g. green-8 on green-1: 5.4:1)
    Tag: {
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorInfo: '#0958d9',
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#874d00',
      cyan7: '#006d75',
      lime7: '#3f6600',
      yellow7: '#876800',
      volcano7: '#ad2102',
    },
    // an error alert keeps antd's lighter pink (the darker red above would tint it): its links stay 4.7:1
    Alert: { colorErrorBg: '#fff2f0', colorErrorBorder: '#ffccc7' },
    // a table's own «暂无…» line (locale.emptyText) is drawn in the disabled grey (1.8:1): secondary grey instead
    Table: { colorTextDisabled: GREY },
    // «请先选择市» in a select not open yet tells what to do first: readable while disabled (4.8:1 on its grey)
    Select: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
  },
};
