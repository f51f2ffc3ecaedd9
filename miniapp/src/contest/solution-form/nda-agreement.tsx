// 我已阅读并同意《保密协议》和《免责声明》: one checkbox, with the two texts one tap away.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';

export const NDA_TEXT =
  '揭榜方承诺：对通过本平台获知的需求方技术需求、企业信息和商业信息严格保密，仅用于本次揭榜对接；未经需求方书面同意，不向任何第三方披露，也不用于其他目的。本承诺在揭榜结束后继续有效。';
export const DISCLAIMER_TEXT =
  '本平台仅提供技术需求与解决方案的信息对接服务，不对方案的技术可行性、知识产权归属及双方后续合作的履约作任何保证。方案内容由揭榜方自行负责，合作中的纠纷由双方协商解决。';

interface Props {
  accepted: boolean;
  error?: string;
  onChange: (accepted: boolean) => void;
}

export function NdaAgreement({ accepted, error, onChange }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`field nda ${error ? 'has-error' : ''}`} id='field-ndaAccepted' data-field='ndaAccepted'>
      <View className='nda-check' role='checkbox' aria-checked={accepted} onClick={() => onChange(!accepted)}>
        <View className={accepted ? 'nda-box is-checked' : 'nda-box'}>{accepted ? '✓' : ''}</View>
        <Text className='nda-label'>我已阅读并同意《保密协议》和《免责声明》</Text>
      </View>
      <View className='nda-toggle' role='button' aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '收起条款' : '查看《保密协议》和《免责声明》'}
      </View>
      {open && (
        <View className='nda-texts'>
          <Text className='nda-title'>保密协议</Text>
          <Text className='nda-text'>{NDA_TEXT}</Text>
          <Text className='nda-title'>免责声明</Text>
          <Text className='nda-text'>{DISCLAIMER_TEXT}</Text>
        </View>
      )}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}
