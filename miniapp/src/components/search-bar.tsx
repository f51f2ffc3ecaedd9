// A search box that searches on confirm (the keyboard's 搜索 key or the button), with a button to clear it.
import { Input, Text, View } from '@tarojs/components';
import './search-bar.css';

export interface SearchBarProps {
  value: string;
  /** Also the input's accessible name (see below). */
  placeholder: string;
  onInput: (value: string) => void;
  onSearch: (value: string) => void;
  onClear: () => void;
}

export function SearchBar({ value, placeholder, onInput, onSearch, onClear }: SearchBarProps) {
  return (
    <View className='search-bar'>
      <View className='search-bar__box'>
        <View className='search-bar__icon' />
        <Input
          className='search-bar__input'
          value={value}
          placeholder={placeholder}
          placeholderClass='search-bar__placeholder'
          confirmType='search'
          maxlength={50}
          // On H5 the name goes on the real <input> inside Taro's web component; an aria-label prop would also land on
          // the wrapper, and a browser test looking the box up by its label would find two elements.
          nativeProps={{ 'aria-label': placeholder }}
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={(e) => onSearch(e.detail.value)}
        />
        {value ? (
          <View className='search-bar__clear' role='button' aria-label='清除搜索' onClick={onClear}>
            <Text className='search-bar__clear-mark'>×</Text>
          </View>
        ) : null}
      </View>
      <View className='search-bar__submit' role='button' onClick={() => onSearch(value)}>
        搜索
      </View>
    </View>
  );
}
