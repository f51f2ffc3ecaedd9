// The pages use onClick, which is Taro's tap on both targets (weapp binds it to `tap`; on H5 only a real `click`
// reaches a component, an onTap listener never fires). The shared mock forwards only onTap, so the tests that click
// load the mock through this wrapper:
//   jest.mock('@tarojs/components', () => jest.requireActual('../components/click-through'));
import React from 'react';
import type * as MockComponents from '../mocks/taro-components';

// requireActual: jest.mock('@tarojs/components') replaces this very file path (the mock is what the name maps to).
const Mock = jest.requireActual<typeof MockComponents>('../mocks/taro-components');

type Props = Record<string, unknown>;

function clickable(Component: (props: Props) => React.ReactElement | null) {
  return function Clickable({ onClick, ...rest }: Props) {
    return React.createElement(Component, rest.onTap || !onClick ? rest : { ...rest, onTap: onClick });
  };
}

export const View = clickable(Mock.View);
export const Text = clickable(Mock.Text);
export const Button = clickable(Mock.Button);
export const ScrollView = clickable(Mock.ScrollView);
export const Image = clickable(Mock.Image);
export const { Block, Label, Form, Input, Textarea, Switch, Picker, CheckboxGroup, Checkbox } = Mock;
