import { Text, View } from '@tarojs/components';
import { INDUSTRY_FIELD_LABELS } from '@cic/shared';

export default function Index() {
  return (
    <View>
      <Text>{INDUSTRY_FIELD_LABELS.ai}</Text>
    </View>
  );
}
